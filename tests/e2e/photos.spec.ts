import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import type { Participant } from '../../electron/contract';
import { expect, screenshot, test } from './fixtures';

// A folder of photos named by registration id: the matched one shows in the person's editor,
// the stranger is reported by name. The photo is removed again so other specs see the demo as found.
test('imports a folder of photos named by registration id and shows the photo in the editor', async ({ page, request, watch }) => {
  void watch;
  const list = (await (await request.post('/api/participants.list', { data: { query: 'kim minjun', limit: 1 } })).json()) as {
    ok: true;
    value: { items: Participant[] };
  };
  const kim = list.value.items[0]!;
  expect(kim.externalId).toBeTruthy();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-photos-'));
  // Any real image will do as a portrait; a QR code is one we can make without an image library.
  fs.writeFileSync(path.join(folder, `${kim.externalId!}.png`), await QRCode.toBuffer('portrait', { width: 600, color: { dark: '#1d4ed8' } }));
  fs.writeFileSync(path.join(folder, 'stranger.png'), await QRCode.toBuffer('stranger', { width: 200 }));

  await page.goto('/#/participants');
  await page.getByTestId('photo-import-input').setInputFiles(folder);
  await expect(page.getByTestId('photo-report')).toContainText('stranger.png');
  await expect(page.getByTestId('photo-report')).toContainText('1 photo was not stored');

  await page.getByTestId('participant-search').fill('kim minjun');
  await page.getByTestId('participant-row').first().dblclick();
  const editor = page.getByTestId('participant-editor');
  const photo = editor.getByTestId('person-photo');
  await expect(photo).toBeVisible();
  // The host keeps a badge-sized JPEG, not the original.
  await expect.poll(async () => photo.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.src.slice(0, 15)])).toEqual([480, 'data:image/jpeg']);
  await screenshot(page, 'participant-photo');
  await page.getByTestId('photo-report').getByRole('button').click();

  await editor.getByTestId('photo-remove').click();
  await expect(editor.getByTestId('person-photo')).toHaveCount(0);
  await expect(editor.getByTestId('photo-change')).toHaveText('Add photo');
});
