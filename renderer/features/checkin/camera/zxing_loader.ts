import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import type { Frame, QrReaderOptions, ReadBarcodes, SymbolRead } from './qr_decoder';

let prepared = false;

/**
 * zxing-wasm's reader, loading its WebAssembly from this app's own bundle: by default the
 * library fetches the .wasm from a CDN, which an offline venue does not have and the CSP
 * forbids. Vite emits the file as a hashed asset beside the scripts (app://bundle/assets/ in
 * the desktop app, /assets/ from the host).
 */
export const readBarcodesBundled: ReadBarcodes = async (frame: Frame, options: QrReaderOptions): Promise<readonly SymbolRead[]> => {
  if (!prepared) {
    prepared = true;
    prepareZXingModule({
      overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
      fireImmediately: false,
    });
  }
  const image = { data: frame.data, width: frame.width, height: frame.height, colorSpace: 'srgb' } as ImageData;
  return readBarcodes(image, { ...options, formats: [...options.formats] });
};
