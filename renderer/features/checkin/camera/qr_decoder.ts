/**
 * Reads a badge's QR code from one camera frame. The decoder itself (zxing-wasm) is injected
 * so the same logic runs against the bundled WebAssembly in the page and in unit tests.
 */

/** An RGBA frame (ImageData, or anything shaped like it). */
export interface Frame {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/** What the decoder returns per symbol (the fields of zxing-wasm's ReadResult this reads). */
export interface SymbolRead {
  readonly isValid: boolean;
  readonly text: string;
  readonly format: string;
}

/** zxing-wasm's readBarcodes, with the options this desk uses. */
export type ReadBarcodes = (frame: Frame, options: QrReaderOptions) => Promise<readonly SymbolRead[]>;

/** The reader options: QR codes only, one per frame, trying hard (badges are small in a wide view). */
export interface QrReaderOptions {
  readonly formats: readonly ['QRCode'];
  readonly tryHarder: boolean;
  readonly tryRotate: boolean;
  readonly tryInvert: boolean;
  readonly tryDownscale: boolean;
  readonly maxNumberOfSymbols: number;
}

/** The options every frame is read with. */
export const QR_READER_OPTIONS: QrReaderOptions = {
  formats: ['QRCode'],
  tryHarder: true,
  tryRotate: true,
  // Badges print dark on light; inverted codes are not ours, and skipping them saves time.
  tryInvert: false,
  tryDownscale: true,
  maxNumberOfSymbols: 1,
};

/** The text of the first valid QR code in the frame, or null. */
export async function decodeQr(frame: Frame, read: ReadBarcodes): Promise<string | null> {
  const symbols = await read(frame, QR_READER_OPTIONS);
  const found = symbols.find((s) => s.isValid && s.text);
  return found ? found.text : null;
}

/**
 * The size to scale a camera frame to before decoding: its long side at most `maxSide` px.
 * A 1080p frame costs ~4× a 540p one and a badge held at the desk fills plenty of pixels.
 */
export function decodeSize(width: number, height: number, maxSide = 960): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
