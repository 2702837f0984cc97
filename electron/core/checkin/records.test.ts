// Offline sync (replays, earliest wins in any order), the dashboard's figures, roll calls,
// and the attendance exports (formulas neutralised; CSV, XLSX, PDF).
import fs from 'node:fs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { addSession, createCheckinTestEvent, PEOPLE, scanOf, type CheckinTestEvent } from './checkin_test_helpers';
import { buildDashboard, buildRollCall } from './dashboard';
import { exportAttendance } from './attendance_export';
import { syncOfflineScans } from './offline_sync';
import { recordScan } from './scan_service';
import { getSession } from '../programme';

let ev: CheckinTestEvent;
beforeEach(() => {
  ev = createCheckinTestEvent();
});
afterEach(() => ev.close());

const T = (minute: number) => new Date(Date.UTC(2026, 11, 1, 0, minute)).toISOString();

function visits() {
  return ev.ws.db.prepare('SELECT participant_id AS p, checked_in_at AS at, desk_name AS desk FROM attendance WHERE undone_at IS NULL ORDER BY p').all();
}

test('a batch synced twice changes nothing the second time; every scan is in the log once', () => {
  const batch = [PEOPLE.kim, PEOPLE.wang, PEOPLE.kim].map((id, i) => ({ ...scanOf({ code: ev.code(id) }), scannedAt: T(i) }));
  const first = syncOfflineScans(ev.ws.db, batch, ev.ctx('Desk 2', T(30)));
  const second = syncOfflineScans(ev.ws.db, batch, ev.ctx('Desk 2', T(31)));
  if (!first.ok || !second.ok) throw new Error('sync failed');
  expect(first.value.recorded).toBe(3);
  expect(first.value.outcomes.map((o) => o.result)).toEqual(['welcome', 'welcome', 'already']);
  expect(second.value).toEqual({ recorded: 0, outcomes: first.value.outcomes.map((o) => ({ ...o, replay: true })) });
  expect(ev.ws.db.prepare('SELECT count(*) AS n FROM checkin_scan WHERE offline = 1').get()).toEqual({ n: 3 });
  expect(visits()).toEqual([
    { p: PEOPLE.kim, at: T(0), desk: 'Desk 2' },
    { p: PEOPLE.wang, at: T(1), desk: 'Desk 2' },
  ]);
});

test('the earliest scan wins whatever order the desks reach the host in', () => {
  const finalState = (order: 'online-first' | 'offline-first') => {
    const e = createCheckinTestEvent();
    try {
      const online = () => recordScan(e.ws.db, scanOf({ code: e.code(PEOPLE.kim) }), e.ctx('Desk 1', T(10)));
      const offline = () => syncOfflineScans(e.ws.db, [{ ...scanOf({ code: e.code(PEOPLE.kim) }, { source: 'camera' }), scannedAt: T(5) }], e.ctx('Desk 2', T(20)));
      if (order === 'online-first') {
        online();
        offline();
      } else {
        offline();
        online();
      }
      const state = e.ws.db.prepare('SELECT checked_in_at AS at, desk_name AS desk FROM attendance').all();
      const twice = buildDashboard(e.ws.db, null, 15, T(30)).scannedTwice.map((s) => [s.deskName, s.firstDeskName]);
      return { state, twice, scans: (e.ws.db.prepare('SELECT count(*) AS n FROM checkin_scan').get() as { n: number }).n };
    } finally {
      e.close();
    }
  };
  const a = finalState('online-first');
  expect(a).toEqual({ state: [{ at: T(5), desk: 'Desk 2' }], twice: [['Desk 1', 'Desk 2']], scans: 2 });
  expect(finalState('offline-first')).toEqual(a);
});

test('an offline scan dated in the future (a desk clock running fast) counts as when it arrived', () => {
  const r = syncOfflineScans(ev.ws.db, [{ ...scanOf({ participantId: PEOPLE.kim }), scannedAt: T(90) }], ev.ctx('Desk 2', T(30)));
  expect(r.ok && r.value.outcomes[0]?.scannedAt).toBe(T(30));
});

test('dashboard: here, expected, missing, delegations complete and heads arrived, categories, arrivals, scanned twice', () => {
  ev.ws.db.prepare('UPDATE delegation SET head_participant_id = 1 WHERE id = 1').run();
  ev.ws.db.prepare(`UPDATE participant SET phone = '+82 10 1234 5678' WHERE id = ?`).run(PEOPLE.olga);
  for (const [id, minute] of [[1, 0], [2, 1], [3, 20], [4, 21]] as const) recordScan(ev.ws.db, scanOf({ participantId: id }), ev.ctx('Desk 1', T(minute)));
  recordScan(ev.ws.db, scanOf({ participantId: 2 }), ev.ctx('Desk 2', T(22)));
  const d = buildDashboard(ev.ws.db, null, 15, T(30));
  expect({ expected: d.expected, here: d.here, missing: d.missing }).toEqual({ expected: 9, here: 4, missing: 5 });
  const friends = d.byDelegation.find((g) => g.name === 'Friends of the Forum');
  expect(friends).toMatchObject({ expected: 4, here: 4, complete: true, head: { participantId: 1, arrived: true } });
  expect(d.byDelegation.find((g) => g.delegationId === null)).toMatchObject({ expected: 5, here: 0, complete: false });
  expect(d.byCategory.find((c) => c.code === 'vip')).toMatchObject({ expected: 3, here: 1 });
  expect(d.arrivals).toEqual([{ from: T(0), count: 2 }, { from: T(15), count: 2 }]);
  expect(d.missingPeople.find((p) => p.participantId === PEOPLE.olga)).toMatchObject({ phone: '+82 10 1234 5678', displayName: 'Olga Kuznetsova' });
  expect(d.scannedTwice).toEqual([expect.objectContaining({ participantId: 2, deskName: 'Desk 2', firstDeskName: 'Desk 1', firstAt: T(1) })]);
});

test('roll call for a bus: who of the expected delegation is still missing, with phone', () => {
  const bus = addSession(ev.ws, 'Bus 2', { type: 'site_visit', expected: { kind: 'list', participantIds: [1, 2, PEOPLE.mohammed] } });
  ev.ws.db.prepare(`UPDATE participant SET phone = '+962 7 9999' WHERE id = ?`).run(PEOPLE.mohammed);
  recordScan(ev.ws.db, scanOf({ participantId: 1 }, { sessionId: bus }), ev.ctx());
  const call = buildRollCall(ev.ws.db, getSession(ev.ws.db, bus)!, T(0));
  expect({ expected: call.expected, here: call.here, missing: call.missing }).toEqual({ expected: 3, here: 1, missing: 2 });
  expect(call.groups.map((g) => [g.name, g.here, g.missingPeople.map((p) => [p.participantId, p.phone, p.arrivedAtEvent])])).toEqual([
    ['Friends of the Forum', 1, [[2, '', false]]],
    ['', 0, [[PEOPLE.mohammed, '+962 7 9999', false]]],
  ]);
});

test('exports: CSV and XLSX neutralise formulas; no-shows exclude people who came and left; PDF prints when Chromium exists', async () => {
  ev.ws.db.prepare(`UPDATE participant SET display_name = '=HYPERLINK("http://evil")' WHERE id = 1`).run();
  recordScan(ev.ws.db, scanOf({ participantId: 1 }), ev.ctx());
  recordScan(ev.ws.db, scanOf({ participantId: 2 }), ev.ctx());
  recordScan(ev.ws.db, scanOf({ participantId: 2 }, { action: 'checkout' }), ev.ctx());
  const event = { name: 'Badge Test Forum', timezone: 'Asia/Seoul' };
  const csv = await exportAttendance(ev.ws.db, { report: 'attendance', session: null, format: 'csv' }, event, new Date());
  const text = csv.bytes.toString('utf8');
  expect(text.startsWith('\ufeffName,Name in own script')).toBe(true);
  expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
  expect(csv.rowCount).toBe(2);
  const noShows = await exportAttendance(ev.ws.db, { report: 'no_shows', session: null, format: 'csv' }, event, new Date());
  expect(noShows.rowCount).toBe(7);
  const xlsx = await exportAttendance(ev.ws.db, { report: 'attendance', session: null, format: 'xlsx' }, event, new Date());
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const cells = book.worksheets[0]!.getColumn(1).values.filter((v): v is string => typeof v === 'string');
  expect(cells).toContain(`'=HYPERLINK("http://evil")`);
  expect(xlsx.fileName).toMatch(/^attendance-event-\d{4}-\d{2}-\d{2}\.xlsx$/u);
  if (fs.existsSync('/usr/bin/chromium') || process.env['CHROMIUM_PATH']) {
    const pdf = await exportAttendance(ev.ws.db, { report: 'scanned_twice', session: null, format: 'pdf' }, event, new Date());
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  }
}, 60_000);
