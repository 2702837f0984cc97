import { expect, test } from 'vitest';
import { API } from '../../electron/contract';
import { runCrashHarness } from './crash_harness';
import { builtHostPath } from './host_process';

// A short run inside `npm test` (the build runs first); `npm run bench` runs a longer one.
test('SIGKILL at random moments loses no acknowledged write or cast and leaves nothing half-written', { timeout: 240_000 }, async () => {
  const seed = Date.now();
  const report = await runCrashHarness({ hostJs: builtHostPath(), kills: 10, clients: 4, minRunMs: 150, maxRunMs: 900, seed });
  process.stdout.write(`crash harness (seed ${seed}): ${JSON.stringify(report)}\n`);
  expect(report.integrity).toBe('ok');
  expect(report.lost).toBe(0);
  expect(report.duplicated).toBe(0);
  expect(report.halfWritten).toBe(0);
  expect(report.badBackups).toBe(0);
  expect(report.checked).toBe(report.acknowledgedWalkIns + report.acknowledgedScans + report.acknowledgedIssues + report.acknowledgedCasts);
  expect(report.acknowledgedWalkIns).toBeGreaterThanOrEqual(report.kills);
  expect(report.backupsChecked).toBeGreaterThan(0);
  // The box: checked at every restart too; a refused cast never counted; nothing links a paper to a voter.
  expect(report.restartChecksFailed).toBe(0);
  expect(report.refusedButCounted).toBe(0);
  expect(report.castAnomalies).toBe(0);
  expect(report.integrityAlarms).toBe(0);
  expect(report.boxLinks).toEqual([]);
  // Check-in and the experience room are in this build: their writes must really be covered.
  if ('checkin.scan' in API) expect(report.checkinCovered).toBe(true);
  if ('voting.issue' in API) expect(report.votingCovered).toBe(true);
  if ('voting.booth.cast' in API) {
    expect(report.castsCovered).toBe(true);
    expect(report.acknowledgedCasts).toBeGreaterThan(0);
  }
});
