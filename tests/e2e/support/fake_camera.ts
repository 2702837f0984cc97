import fs from 'node:fs';
import QRCode from 'qrcode';

/** How the fake camera's picture is made. */
export interface FakeCameraOptions {
  readonly width?: number;
  readonly height?: number;
  /** Pixels per QR module: 8 at 640×480 is a badge held about 20 cm from a webcam. */
  readonly moduleSize?: number;
  readonly frames?: number;
}

/**
 * Writes a Y4M video (YUV4MPEG2, 4:2:0) that Chromium's fake camera plays in a loop
 * (`--use-file-for-fake-video-capture=<file>`): a printed badge — the QR code of `text`, dark
 * modules on white paper with the 4-module quiet zone the spec asks for — lying on a grey desk,
 * moving a few pixels between frames like a hand-held badge, with a little sensor noise.
 */
export function writeBadgeVideo(file: string, text: string, options: FakeCameraOptions = {}): void {
  const width = options.width ?? 640;
  const height = options.height ?? 480;
  const moduleSize = options.moduleSize ?? 8;
  const frames = options.frames ?? 6;
  if (width % 2 || height % 2) throw new Error('4:2:0 needs even frame sizes');
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const quiet = 4;
  const paper = (size + 2 * quiet) * moduleSize;
  if (paper + 40 > Math.min(width, height)) throw new Error(`a ${size}-module code at ${moduleSize} px does not fit ${width}×${height}`);

  const chunks: Buffer[] = [Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`, 'ascii')];
  let seed = 12345;
  const noise = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return (seed % 9) - 4;
  };
  for (let f = 0; f < frames; f++) {
    // The badge drifts a little, as in a hand.
    const left = Math.round((width - paper) / 2 + 6 * Math.sin(f));
    const top = Math.round((height - paper) / 2 + 4 * Math.cos(f));
    const y = Buffer.alloc(width * height);
    for (let row = 0; row < height; row++) {
      for (let col = 0; col < width; col++) {
        let luma = 96; // the desk
        const px = col - left;
        const py = row - top;
        if (px >= 0 && py >= 0 && px < paper && py < paper) {
          const mx = Math.floor(px / moduleSize) - quiet;
          const my = Math.floor(py / moduleSize) - quiet;
          const dark = mx >= 0 && my >= 0 && mx < size && my < size && qr.modules.get(mx, my);
          luma = dark ? 30 : 232;
        }
        y[row * width + col] = Math.max(0, Math.min(255, luma + noise()));
      }
    }
    // Grey: no colour in U and V.
    const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
    chunks.push(Buffer.from('FRAME\n', 'ascii'), y, chroma, chroma);
  }
  fs.writeFileSync(file, Buffer.concat(chunks));
}
