import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/**
 * A QR code drawn as SVG in the page (an image data URL: the CSP allows data: images and
 * nothing is fetched). `label` is what a screen reader says instead.
 */
export function QrImage({ text, label, size = 200, testId }: { text: string; label: string; size?: number; testId?: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M', color: { dark: '#14213d', light: '#ffffff' } }).then((svg) => {
      if (live) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      live = false;
    };
  }, [text]);
  return src ? (
    <img className="qr" src={src} width={size} height={size} alt={label} data-testid={testId} data-qr-text={text} />
  ) : (
    <span className="qr qr-pending" style={{ width: size, height: size }} />
  );
}
