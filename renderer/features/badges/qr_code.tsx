import { useMemo } from 'react';
import QRCode from 'qrcode';

/** Modules of quiet zone the QR standard asks for around the symbol. */
const QUIET_MODULES = 4;

/**
 * The dark modules as one SVG path, a run of horizontal neighbours per rectangle: a v5 code
 * becomes a few hundred rectangles of vector art in the PDF, sharp at any printer resolution.
 */
export function qrPath(text: string): { size: number; d: string } {
  // ECC level M (15 %): survives a scuffed badge, and a badge code stays at version 5.
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size } = qr.modules;
  let d = '';
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!qr.modules.get(y, x)) {
        x++;
        continue;
      }
      let run = 1;
      while (x + run < size && qr.modules.get(y, x + run)) run++;
      d += `M${x + QUIET_MODULES} ${y + QUIET_MODULES}h${run}v1h-${run}z`;
      x += run;
    }
  }
  return { size: size + 2 * QUIET_MODULES, d };
}

/** A badge's QR code with its quiet zone, each module exactly `moduleMm` millimetres. */
export function QrCode({ text, moduleMm, label }: { text: string; moduleMm: number; label: string }) {
  const { size, d } = useMemo(() => qrPath(text), [text]);
  return (
    <svg
      className="badge-qr"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${size} ${size}`}
      width={`${size * moduleMm}mm`}
      height={`${size * moduleMm}mm`}
      shapeRendering="crispEdges"
      role="img"
      aria-label={label}
      data-code={text}
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
