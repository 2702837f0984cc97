/**
 * What kind of file the bytes are, whatever its name says. A ".csv" may be a PDF, an .xlsx
 * may be password-protected (then it is not a ZIP at all but an OLE compound file holding an
 * "EncryptedPackage" stream), or an Excel 97 .xls. Each gets its own clear refusal.
 */
import type { ImportProblemCode } from '../../contract';

export type SniffResult =
  | { kind: 'xlsx' }
  | { kind: 'text' }
  | { kind: 'refused'; code: ImportProblemCode; detail: string };

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

// Signatures of common files people pick by mistake.
const BINARY_SIGNATURES: ReadonlyArray<readonly [string, number[]]> = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a 7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf]],
  ['a RAR archive', [0x52, 0x61, 0x72, 0x21]],
  ['a program', [0x7f, 0x45, 0x4c, 0x46]],
  ['a program', [0x4d, 0x5a]],
  ['a SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65]],
];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** Whether an ASCII name appears in the bytes in UTF-16LE, as names do inside OLE files. */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(name, 'utf16le'));
}

function hasLatin1(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(text, 'latin1'));
}

/** Looks at the bytes and says how to read them, or why they cannot be read. */
export function sniffFile(bytes: Uint8Array, fileName: string): SniffResult {
  if (bytes.length === 0) return { kind: 'refused', code: 'empty_file', detail: 'the file is empty (0 bytes)' };
  if (startsWith(bytes, CFB_SIGNATURE)) {
    if (hasUtf16Name(bytes, 'EncryptedPackage') || hasUtf16Name(bytes, 'EncryptionInfo')) {
      return { kind: 'refused', code: 'password_protected', detail: 'the workbook is protected with a password' };
    }
    if (hasUtf16Name(bytes, 'Workbook') || hasUtf16Name(bytes, 'Book')) {
      return { kind: 'refused', code: 'legacy_xls', detail: 'it is an Excel 97–2003 workbook (.xls)' };
    }
    return { kind: 'refused', code: 'binary_file', detail: 'it is an old Office document, not a list of people' };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    if (hasLatin1(bytes, 'application/vnd.oasis.opendocument.spreadsheet')) {
      return { kind: 'refused', code: 'unsupported_spreadsheet', detail: 'it is an OpenDocument spreadsheet (.ods)' };
    }
    // A cut-off workbook may end before its xl/ entries: its name still says what it was meant to be.
    if (hasLatin1(bytes, 'xl/') || /\.xls[xm]$/iu.test(fileName)) return { kind: 'xlsx' };
    if (hasLatin1(bytes, 'word/')) return { kind: 'refused', code: 'binary_file', detail: 'it is a Word document' };
    return { kind: 'refused', code: 'binary_file', detail: 'it is a ZIP archive, not a spreadsheet' };
  }
  for (const [what, signature] of BINARY_SIGNATURES) {
    if (startsWith(bytes, signature)) return { kind: 'refused', code: 'binary_file', detail: `it is ${what}` };
  }
  return looksLikeText(bytes) ? { kind: 'text' } : { kind: 'refused', code: 'binary_file', detail: 'it holds binary data, not text' };
}

/**
 * Text has almost no control bytes. UTF-16 text has NUL bytes, but in every other position,
 * so NULs are only counted against text when they do not follow that pattern.
 */
function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  if (startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff])) return true;
  let nulEven = 0;
  let nulOdd = 0;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b === 0) {
      if (i % 2 === 0) nulEven++;
      else nulOdd++;
    } else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  const half = sample.length / 2;
  const utf16 = (nulOdd > half * 0.3 && nulEven < half * 0.02) || (nulEven > half * 0.3 && nulOdd < half * 0.02);
  if (utf16) return control <= sample.length * 0.01;
  return nulEven + nulOdd === 0 && control <= sample.length * 0.01;
}
