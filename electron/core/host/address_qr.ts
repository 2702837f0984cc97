import QRCode from 'qrcode';

/** The host's LAN address as a QR code drawn in the terminal, for a headless mini PC. */
export function renderAddressQr(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'terminal', small: true, errorCorrectionLevel: 'M' });
}
