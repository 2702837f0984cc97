/**
 * Text encodings. Excel's plain "CSV" is written in the machine's ANSI code page (CP949 in
 * Korea, 1252 in Western Europe, 1251 in Russia, GBK in China, 932 in Japan); "CSV UTF-8"
 * adds a BOM; "Unicode Text" is UTF-16LE with a BOM. Detection: BOM, then strict UTF-8, then
 * chardet, whose answers are widened to the superset Windows actually writes (EUC-KR → CP949,
 * ISO-8859-1 → Windows-1252). Short files are ambiguous, so the screen always offers an override.
 */
import { analyse } from 'chardet';
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { ImportEncoding } from '../../contract';

export interface DetectedEncoding {
  readonly encoding: ImportEncoding;
  /** 0–100: 100 for a BOM or valid UTF-8 with non-ASCII text, chardet's score otherwise. */
  readonly confidence: number;
}

// chardet's names → what to decode with.
const FROM_CHARDET: Record<string, ImportEncoding> = {
  'UTF-8': 'utf-8',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  'EUC-KR': 'cp949',
  'Shift_JIS': 'shift_jis',
  'EUC-JP': 'euc-jp',
  'GB18030': 'gb18030',
  'Big5': 'big5',
  'ISO-8859-1': 'windows-1252',
  'ISO-8859-2': 'windows-1250',
  'ISO-8859-5': 'windows-1251',
  'ISO-8859-6': 'windows-1256',
  'ISO-8859-7': 'windows-1253',
  'ISO-8859-8': 'windows-1255',
  'ISO-8859-9': 'windows-1254',
  'windows-1250': 'windows-1250',
  'windows-1251': 'windows-1251',
  'windows-1252': 'windows-1252',
  'windows-1253': 'windows-1253',
  'windows-1254': 'windows-1254',
  'windows-1255': 'windows-1255',
  'windows-1256': 'windows-1256',
  'KOI8-R': 'koi8-r',
};

// What iconv-lite decodes each with: the Windows supersets of the standard encodings.
const DECODER: Partial<Record<ImportEncoding, string>> = { 'shift_jis': 'cp932', cp949: 'cp949' };

function bomOf(bytes: Uint8Array): ImportEncoding | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** UTF-16 without a BOM: mostly-Latin text has a NUL in every other byte. */
function utf16WithoutBom(bytes: Uint8Array): ImportEncoding | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 8) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.02) return 'utf-16le';
  if (even > pairs * 0.3 && odd < pairs * 0.02) return 'utf-16be';
  return null;
}

/**
 * A sample for chardet made of the lines that hold non-ASCII bytes: a file whose first
 * 64 KiB are ASCII ids and e-mails would otherwise give chardet nothing to go on.
 */
function interestingSample(bytes: Uint8Array, max = 64 * 1024): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  let lineStart = 0;
  let high = false;
  for (let i = 0; i < bytes.length && size < max; i++) {
    const b = bytes[i]!;
    if (b > 0x7f) high = true;
    if (b === 0x0a || i === bytes.length - 1) {
      if (high) {
        const line = bytes.subarray(lineStart, i + 1);
        parts.push(line);
        size += line.length;
      }
      lineStart = i + 1;
      high = false;
    }
  }
  return parts.length ? Buffer.concat(parts) : bytes.subarray(0, max);
}

/** Says which encoding the bytes are in. */
export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  const bom = bomOf(bytes);
  if (bom) return { encoding: bom, confidence: 100 };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { encoding: utf16, confidence: 80 };
  // Valid UTF-8 with non-ASCII text is almost never an accident; pure ASCII reads alike in all.
  if (isUtf8(bytes)) return { encoding: 'utf-8', confidence: 100 };
  for (const match of analyse(interestingSample(bytes))) {
    const encoding = FROM_CHARDET[match.name];
    if (encoding && encoding !== 'utf-8' && encoding !== 'utf-16le' && encoding !== 'utf-16be') {
      return { encoding, confidence: Math.min(100, Math.max(0, match.confidence)) };
    }
  }
  return { encoding: 'windows-1252', confidence: 0 };
}

/** Decodes the bytes as text in the given encoding, without its BOM. */
export function decodeText(bytes: Uint8Array, encoding: ImportEncoding): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text: string;
  if (encoding === 'utf-8') text = buffer.toString('utf8');
  else if (encoding === 'utf-16le') text = buffer.toString('utf16le');
  else text = iconv.decode(buffer, DECODER[encoding] ?? encoding);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
