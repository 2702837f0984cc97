import { expect, test } from 'vitest';
import { API } from '../../electron/contract';
import { runCrashHarness } from './crash_harness';
import { builtHostPath } from './host_process';

// A short run inside `npm test` (the build runs first); `npm run bench` runs a longer one.
test('SIGKILL at random moments loses no acknowledged write and leaves nothing half-written', { timeout: 240_000 }, async () => {
  const report = await runCrashHarness({ hostJs: builtHostPath(), kills: 10, clients: 4, minRunMs: 150, maxRunMs: 900 });
  process.stdout.write(`crash harness: ${JSON.stringify(report)}\n`);
  expect(report.integrity).toBe('ok');
  expect(report.lost).toBe(0);
  expect(report.duplicated).toBe(0);
  expect(report.halfWritten).toBe(0);
  expect(report.badBackups).toBe(0);
  expect(report.checked).toBe(report.acknowledgedWalkIns + report.acknowledgedScans + report.acknowledgedIssues);
  expect(report.acknowledgedWalkIns).toBeGreaterThanOrEqual(report.kills);
  expect(report.backupsChecked).toBeGreaterThan(0);
  // Check-in and the experience room are in this build: their writes must really be covered.
  if ('checkin.scan' in API) expect(report.checkinCovered).toBe(true);
  if ('voting.issue' in API) expect(report.votingCovered).toBe(true);
});
