import { expect, test } from 'vitest';
import { DEFAULT_DESK_SETTINGS, readDeskSettings, writeDeskSettings } from './desk_storage';

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) } as Storage;
}

test('desk settings survive a reload, and odd stored values fall back to the defaults', () => {
  const storage = memoryStorage();
  expect(readDeskSettings(storage)).toEqual(DEFAULT_DESK_SETTINGS);
  writeDeskSettings(storage, { operator: 'Mina', sessionId: 4, mode: 'checkout', cameraId: 'cam-1' });
  expect(readDeskSettings(storage)).toEqual({ operator: 'Mina', sessionId: 4, mode: 'checkout', cameraId: 'cam-1' });
  storage.setItem('delegate-desk.desk.sessionId', '-3');
  storage.setItem('delegate-desk.desk.mode', 'sideways');
  expect(readDeskSettings(storage)).toMatchObject({ sessionId: null, mode: 'checkin' });
  expect(readDeskSettings(null)).toEqual(DEFAULT_DESK_SETTINGS);
});
