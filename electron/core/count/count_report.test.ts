import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { Selections } from '../../contract';
import { findChromium } from '../badges';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import { createRoomFixture, type RoomFixture } from '../voting/voting_test_helpers';
import { announce, buildCountReport, countArchive, countSheetHtml, judgePaper, signOff, startCount } from '.';
import { definitionFrom, runRound } from './count_test_helpers';

let fx: RoomFixture | null = null;
afterEach(() => {
  fx?.ws.close();
  fx = null;
});

const value = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const HOSTILE = '<img src=x onerror=alert(1)>"Kim" & \u202eevil';
const EVENT = { name: '<script>alert("event")</script> Forum', timezone: 'Asia/Seoul' };

/** The presidential ballot with a hostile first candidate, counted, judged, signed and announced. */
function announcedRound(): { roundId: number; db: RoomFixture['db'] } {
  fx = createRoomFixture({ extra: 30 });
  const def = definitionFrom('kr-presidential', (d) => {
    d.contests[0]!.demonstrateInvalid = true;
    d.contests[0]!.options[0]!.name = { en: HOSTILE, ko: '한도윤' };
  });
  const ids = def.contests[0]!.options.map((o) => o.id);
  const ballots: Selections[] = [0, 1, 0, 2, 0, 1, 0, 0].map((i) => ({ president: [ids[i]!] }));
  ballots.push({ president: [] });
  const roundId = runRound(fx, def, ballots, { outstanding: 2, cancelled: 1 });
  const db = fx.db;
  db.prepare('UPDATE voting_round SET label = ? WHERE id = ?').run('Group <b>A</b>, 15:00', roundId);
  const view = value(startCount(db, roundId, '2026-12-02T06:01:00.000Z'));
  for (const p of view.papers.filter((x) => x.tray === 'recheck')) value(judgePaper(db, roundId, p.id, 'invalid'));
  value(signOff(db, roundId, '<i>Presenter</i> Kim', '2026-12-02T06:07:00.000Z'));
  value(announce(db, roundId, '2026-12-02T06:08:00.000Z'));
  return { roundId, db };
}

/** The page the PDF would print, captured instead of printed. */
async function sheetHtmlOf(db: RoomFixture['db'], roundId: number): Promise<string> {
  let html = '';
  const built = await buildCountReport(db, { roundId, format: 'pdf' }, EVENT, new Date('2026-12-02T07:00:00.000Z'), async (page) => {
    html = page;
    return Buffer.from('%PDF-stub');
  });
  expect(value(built)).toMatchObject({ fileName: expect.stringMatching(/^count-sheet-[\p{L}\p{N}-]+\.pdf$/u), mimeType: 'application/pdf', rowCount: 1 });
  return html;
}

test('the printable count sheet escapes every stranger\'s text and shows the reconciled figures, fingerprint, result and sign-off', async () => {
  const { roundId, db } = announcedRound();
  const html = await sheetHtmlOf(db, roundId);
  const archive = value(countArchive(db, roundId));
  // Nothing a stranger typed is markup: candidate, event, round label, signer.
  expect(html).not.toMatch(/<img|<script>alert|<b>A|<i>Presenter/u);
  expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;&#34;Kim&#34; &#38; \u202eevil');
  expect(html).toContain('&#60;script&#62;alert(&#34;event&#34;)&#60;/script&#62; Forum');
  expect(html).toContain('Counted and signed by <bdi>&#60;i&#62;Presenter&#60;/i&#62; Kim</bdi> at 2026-12-02 15:07.');
  // Hostile names stay isolated (<bdi>) so a bidi override cannot flip the figures beside them.
  expect(html).toContain('<bdi>&#60;img');
  // Issued 12 = valid 8 + invalid 1 + outstanding 2 + cancelled 1; 9 papers counted = 9 cast.
  expect(html).toContain('✔ Reconciled. Ballots issued 12 = valid 8 + invalid 1 + outstanding 2 + cancelled 1 = 12; papers counted 9 = ballots cast 9');
  expect(html).toMatch(/Ballots issued<\/th><td class="n">12</u);
  expect(html).toMatch(/Invalid papers<\/th><td class="n">1</u);
  expect(html).toMatch(/1\. <bdi>&#60;img[^]*?<\/th><td class="n">5</u);
  expect(html).toContain(archive.fingerprint.replace(/(.{4})(?=.)/gu, '$1 '));
  expect(html).toMatch(/Elected:<\/p><ul class="winners"><li>1\. <bdi>&#60;img/u);
  expect(html).toContain('<dt>Count started</dt><dd>2026-12-02 15:01</dd>');
  expect(value(await buildCountReport(db, { roundId, format: 'csv' }, EVENT, new Date())).fileName).toBe('count-sheet-Group-b-A-b-15-00.csv');
  expect(html).not.toContain('DOES NOT ADD UP');
});

test('a sheet that does not add up prints the red alarm with the figures that disagree', () => {
  const { roundId, db } = announcedRound();
  const archive = value(countArchive(db, roundId));
  const sheet = { ...archive.sheets[0]!, invalid: 0, reconciled: false, alarm: 'The count sheet does not add up: ballots issued (12) ≠ … = 11. Do not sign.' };
  const html = countSheetHtml({ eventName: 'Forum', archive: { ...archive, sheets: [sheet] }, contests: [], startedAt: 's', signedAt: 'x', announcedAt: 'y', generatedAt: 'z' });
  expect(html).toContain('✖ DOES NOT ADD UP. Ballots issued 12 ≠ valid 8 + invalid 0 + outstanding 2 + cancelled 1 = 11');
  expect(html).toContain('The count sheet does not add up: ballots issued (12) ≠ … = 11. Do not sign.');
  expect(html).not.toContain('✔ Reconciled');
});

test('a ranked count prints its rounds table; an unannounced round and a missing Chromium are clear refusals', async () => {
  fx = createRoomFixture({ extra: 20 });
  const def = definitionFrom('ranked-mayor');
  const [a, b, c] = def.contests[0]!.options.map((o) => o.id);
  const ranked = (...r: string[]): Selections => ({ mayor: r });
  const roundId = runRound(fx, def, [...Array(3).fill(ranked(a!)), ...Array(2).fill(ranked(b!, a!)), ...Array(2).fill(ranked(c!, b!))] as Selections[]);
  const db = fx.db;
  value(startCount(db, roundId, '2026-12-02T06:01:00.000Z'));
  const early = await buildCountReport(db, { roundId, format: 'csv' }, EVENT, new Date());
  expect(early.ok ? null : early.error).toMatchObject({ code: 'wrong_state', message: expect.stringMatching(/not been announced/u) });
  value(signOff(db, roundId, 'P', '2026-12-02T06:02:00.000Z'));
  value(announce(db, roundId, '2026-12-02T06:03:00.000Z'));
  const html = await sheetHtmlOf(db, roundId);
  expect(html).toContain('<h4>Rounds</h4>');
  expect(html).toMatch(/Round 1<\/th>.*Round 2<\/th>/u);
  expect(html).toMatch(/Exhausted<\/th>(<td class="n">\d+<\/td>)+<\/tr>/u);
  expect(html).toMatch(/\(first preferences\)/u);
  const noChromium = await buildCountReport(db, { roundId, format: 'pdf' }, EVENT, new Date(), () => Promise.reject(new Error('Attendance PDFs need Chromium, Google Chrome or Microsoft Edge on this computer, and none was found.\nstack')));
  expect(noChromium.ok ? null : noChromium.error).toEqual({ code: 'unavailable', message: 'Count sheet PDFs need Chromium, Google Chrome or Microsoft Edge on this computer, and none was found.' });
});

const chromium = findChromium();
const chromiumMissing = 'problem' in chromium ? chromium.problem : null;

test.skipIf(chromiumMissing !== null)(`the PDF prints in the system Chromium and carries the figures${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`, async () => {
  const { roundId, db } = announcedRound();
  const pdf = value(await buildCountReport(db, { roundId, format: 'pdf' }, EVENT, new Date('2026-12-02T07:00:00.000Z')));
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const file = path.join(makeTempDir(), 'sheet.pdf');
  fs.writeFileSync(file, pdf.bytes);
  // COUNT_PDF_OUT=path keeps a copy to look at (pdftoppm -png it).
  if (process.env['COUNT_PDF_OUT']) fs.copyFileSync(file, process.env['COUNT_PDF_OUT']);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/gu, ' ');
  expect(text).toContain('Reconciled. Ballots issued 12 = valid 8 + invalid 1 + outstanding 2 + cancelled 1 = 12');
  expect(text).toContain(value(countArchive(db, roundId)).fingerprint.slice(0, 4));
  expect(text).toContain('<img src=x onerror=alert(1)>');
  expect(text).toContain('한도윤');
}, 60_000);
