import { describe, expect, test } from 'vitest';
import { createCameraReads } from './camera_reads';
import { cameraBlocker, cameraChoices, cameraProblemOf, preferredCamera } from './camera_support';
import { decodeQr, decodeSize, QR_READER_OPTIONS, type ReadBarcodes } from './qr_decoder';

// The real zxing-wasm decoder runs in the browser e2e test (checkin_desk_camera.spec.ts: Chromium's
// fake camera playing a printed badge); here the reader is a stand-in that records what it is asked.
describe('reading a frame', () => {
  const frame = { data: new Uint8ClampedArray(16), width: 2, height: 2 };

  test('QR codes only, one per frame, and the first valid symbol wins', async () => {
    const asked: unknown[] = [];
    const read: ReadBarcodes = (f, options) => {
      asked.push(options);
      return Promise.resolve([
        { isValid: false, text: 'DD1BROKEN', format: 'QRCode' },
        { isValid: true, text: 'DD1GOOD', format: 'QRCode' },
      ]);
    };
    expect(await decodeQr(frame, read)).toBe('DD1GOOD');
    expect(asked).toEqual([QR_READER_OPTIONS]);
    expect(QR_READER_OPTIONS).toMatchObject({ formats: ['QRCode'], maxNumberOfSymbols: 1, tryHarder: true });
  });

  test('a frame without a readable code gives nothing', async () => {
    expect(await decodeQr(frame, () => Promise.resolve([]))).toBeNull();
    expect(await decodeQr(frame, () => Promise.resolve([{ isValid: true, text: '', format: 'QRCode' }]))).toBeNull();
  });
});

describe('camera bookkeeping', () => {
  test('a badge held up for many frames is one scan; lowered and raised again it is another', () => {
    const reads = createCameraReads(2500);
    const taken = [0, 100, 200, 1000, 2400].map((t) => reads.accept('A', t));
    expect(taken).toEqual([true, false, false, false, false]);
    expect(reads.accept(null, 2500)).toBe(false);
    expect(reads.accept('A', 5000)).toBe(true);
    expect(reads.accept('B', 5100)).toBe(true);
    expect(reads.accept('A', 5200)).toBe(true);
  });

  test('plain-http LAN pages are told about HTTPS; browser refusals have their own reasons', () => {
    expect(cameraBlocker({ isSecureContext: false, hasGetUserMedia: false })).toBe('insecure');
    expect(cameraBlocker({ isSecureContext: true, hasGetUserMedia: false })).toBe('unsupported');
    expect(cameraBlocker({ isSecureContext: true, hasGetUserMedia: true })).toBeNull();
    expect(cameraProblemOf({ name: 'NotAllowedError' })).toBe('denied');
    expect(cameraProblemOf({ name: 'NotFoundError' })).toBe('none');
    expect(cameraProblemOf({ name: 'NotReadableError' })).toBe('busy');
    expect(cameraProblemOf(new Error('x'))).toBe('failed');
  });

  test('cameras are listed with stand-in names and the remembered or back camera is preferred', () => {
    const choices = cameraChoices(
      [
        { kind: 'audioinput', deviceId: 'm', label: 'Mic' },
        { kind: 'videoinput', deviceId: 'f', label: '' },
        { kind: 'videoinput', deviceId: 'b', label: 'Back Camera' },
      ],
      (n) => `Camera ${n}`,
    );
    expect(choices).toEqual([{ deviceId: 'f', label: 'Camera 1' }, { deviceId: 'b', label: 'Back Camera' }]);
    expect(preferredCamera(choices, null)).toBe('b');
    expect(preferredCamera(choices, 'f')).toBe('f');
    expect(preferredCamera(choices, 'gone')).toBe('b');
    expect(preferredCamera([], null)).toBeNull();
  });

  test('large frames are scaled down for decoding, small ones are left alone', () => {
    expect(decodeSize(1920, 1080)).toEqual({ width: 960, height: 540 });
    expect(decodeSize(640, 480)).toEqual({ width: 640, height: 480 });
  });
});
