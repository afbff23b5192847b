import QRCode from 'qrcode';

/** An SVG QR code (error correction M, quiet zone 2) for a short URL. */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
