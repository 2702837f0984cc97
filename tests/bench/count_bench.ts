/**
 * The sorting demonstration's frame rate with 500 ballots: a host on a temp demo event, a closed
 * round of 500 papers, the results page in headless Debian Chromium sorting at the fastest speed
 * (32 ballots a second, ~26 papers in flight); frames counted with requestAnimationFrame timestamps.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startHostCore } from '../../electron/core/api/host_core';
import { startHttpServer } from '../../electron/core/host/http_server';
import { controlShow, startCount } from '../../electron/core/count';
import { closeRound, createRound, openRound } from '../../electron/core/voting';
import { listElections } from '../../electron/core/elections/election_store';
import { dropIntoBox } from '../../electron/core/voting/ballot_box';
import { percentile, report } from './stats';

const BALLOTS = 500;
const SECONDS = 6;

/**
 * CPU time (ms) used so far by a process's descendants (here: the browser this bench launched), from Linux's /proc (null
 * elsewhere). On a shared machine the frame rate depends on what else runs; the CPU the browser
 * needs per second of show does not, so it is the fair before/after figure.
 */
function treeCpuMs(root: number): number | null {
  try {
    const tick = 1000 / 100; // USER_HZ is 100 on every Linux this runs on
    const stats = fs.readdirSync('/proc').filter((d) => /^\d+$/u.test(d)).flatMap((d) => {
      try {
        const fields = fs.readFileSync(`/proc/${d}/stat`, 'utf8').replace(/^.*\) /su, '').split(' ');
        return [{ pid: Number(d), ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) * tick }];
      } catch {
        return []; // exited while we looked
      }
    });
    const tree = new Set([root]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const p of stats) {
        if (tree.has(p.pid) || !tree.has(p.ppid)) continue;
        tree.add(p.pid);
        grew = true;
      }
    }
    return stats.filter((p) => tree.has(p.pid) && p.pid !== root).reduce((sum, p) => sum + p.cpu, 0);
  } catch {
    return null;
  }
}

/** Chromium's per-page counters (Performance.getMetrics) by name. */
type Metrics = Record<string, number>;

/**
 * Runs the count benchmark against a fresh demo event in `tmp`. Besides the frame rate it reports
 * what the main thread did per frame (layouts, style recalculations, busy share), the figures that
 * say why a frame rate is what it is; `shotPath` also saves what the projector showed.
 */
export async function benchCount(tmp: string, shotPath?: string): Promise<void> {
  const started = startHostCore({ homeDir: path.join(tmp, 'count-home'), dataDir: path.join(tmp, 'count-event'), build: { version: 'bench' } });
  if (!started.ok) throw new Error(started.error.message);
  const core = started.value;
  const db = core.session.current!.db;
  const election = listElections(db)[0]!;
  const contest = election.definition.contests[0]!;
  const round = createRound(db, { electionId: election.id, label: 'Bench, 500 ballots', eligibility: 'registered', delegationIds: [] }, new Date().toISOString());
  if (!round.ok) throw new Error(round.error.message);
  const roundId = round.value.round.id;
  const opened = openRound(db, roundId, new Date().toISOString());
  if (!opened.ok) throw new Error(opened.error.message);
  // A box of 500 papers as the booths would have filled it (issue rows, counters, papers), written directly for speed.
  db.transaction(() => {
    const issue = db.prepare(`INSERT INTO ballot_issue (round_id, participant_id, station, issued_at, status) VALUES (?, ?, 'Bench', ?, 'cast')`);
    const papers = [];
    for (let i = 0; i < BALLOTS; i++) {
      issue.run(roundId, 100_000 + i, new Date().toISOString());
      papers.push({ contestId: contest.id, selections: i % 40 === 0 ? [] : [contest.options[(i * 7) % contest.options.length]!.id] });
    }
    dropIntoBox(db, roundId, papers);
    db.prepare('UPDATE voting_round SET issued_total = ?, cast_total = ? WHERE id = ?').run(BALLOTS, BALLOTS, roundId);
  })();
  const closed = closeRound(db, roundId, new Date().toISOString());
  if (!closed.ok) throw new Error(closed.error.message);
  const count = startCount(db, roundId, new Date().toISOString());
  if (!count.ok) throw new Error(count.error.message);
  const http = await startHttpServer({ core, host: '127.0.0.1', port: 0, staticDir: path.join(__dirname, '..', 'renderer') });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${http.url}#/results`);
    await page.getByTestId('sorting-stage').waitFor({ timeout: 30_000 });
    controlShow(db, roundId, { action: 'speed', speed: 16 }, new Date());
    controlShow(db, roundId, { action: 'play' }, new Date());
    core.session.bus.publish('count.changed', { roundId });
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="sort-count"]')?.getAttribute('data-sorted')) > 0, undefined, { timeout: 10_000 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = async (): Promise<Metrics> => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const before = await metrics();
    const cpuBefore = treeCpuMs(process.pid);
    const frames = await page.evaluate(
      (ms) =>
        new Promise<number[]>((resolve) => {
          const stamps: number[] = [];
          const tick = (t: number) => {
            stamps.push(t);
            if (t - stamps[0]! < ms) requestAnimationFrame(tick);
            else resolve(stamps);
          };
          requestAnimationFrame(tick);
        }),
      SECONDS * 1000,
    );
    const after = await metrics();
    const cpuAfter = treeCpuMs(process.pid);
    if (shotPath) await page.screenshot({ path: shotPath });
    const gaps = frames.slice(1).map((t, i) => t - frames[i]!);
    const elapsed = (frames.at(-1)! - frames[0]!) / 1000;
    const delta = (name: string) => (after[name] ?? 0) - (before[name] ?? 0);
    report('count_sort_500_fps', gaps.length / elapsed, 'fps');
    report('count_sort_500_frame_p95', percentile(gaps, 95), 'ms');
    report('count_sort_500_frame_max', Math.max(...gaps), 'ms');
    report('count_sort_500_layouts_per_frame', delta('LayoutCount') / gaps.length, 'layouts');
    report('count_sort_500_style_recalcs_per_frame', delta('RecalcStyleCount') / gaps.length, 'recalcs');
    // Share of wall time the renderer's main thread was busy (task duration over the elapsed time).
    report('count_sort_500_main_thread_busy', (100 * delta('TaskDuration')) / delta('Timestamp'), '%');
    if (cpuBefore !== null && cpuAfter !== null) report('count_sort_500_browser_cpu', (100 * (cpuAfter - cpuBefore)) / (elapsed * 1000), '% of a core');
    report('count_sort_500_layout_ms_per_frame', (1000 * (delta('LayoutDuration') + delta('RecalcStyleDuration'))) / gaps.length, 'ms');
  } finally {
    await browser.close();
    await http.close();
    core.close();
  }
}
