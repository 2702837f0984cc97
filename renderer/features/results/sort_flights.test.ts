import { describe, expect, it } from 'vitest';
import type { Contest, CountPaper, CountShowState } from '../../../electron/contract';
import { ballotImages, FLIGHT_SECONDS, flightKeyframes, PAPER, sortFrame, trayCounts } from './sort_flights';
import { BALLOTS_PER_SECOND } from './show_text';

const T0 = Date.parse('2026-12-02T05:00:00.000Z');
const show = (over: Partial<CountShowState>): CountShowState => ({ phase: 'sorting', contestIndex: 0, playing: false, speed: 1, cursor: 0, cursorAt: new Date(T0).toISOString(), recheckIndex: 0, resultStep: 0, language: 'en', version: 1, ...over });
const paper = (tray: string, marks: string[]): CountPaper => ({ tray, marks }) as unknown as CountPaper;

describe('sortFrame', () => {
  it('when paused shows the last paper read and counts every read paper as landed', () => {
    const f = sortFrame(show({ cursor: 7 }), 30, T0 + 60_000, false);
    expect(f).toMatchObject({ sorted: 7, reading: 6, landed: 7, flying: false });
  });

  it('while playing keeps the last span of papers in the air and lands the ones before', () => {
    const speed = 16;
    const now = T0 + 2000; // 64 papers read at 32 a second
    const f = sortFrame(show({ playing: true, speed }), 500, now, false);
    const span = BALLOTS_PER_SECOND * speed * FLIGHT_SECONDS;
    expect(f.sorted).toBe(64);
    expect(f.span).toBeCloseTo(span);
    expect(f.flying).toBe(true);
    // Paper i is in the air from raw = i to raw = i + span: 64 - 25.6 → papers 0..38 have landed.
    expect(f.landed).toBe(Math.floor(64 - span) + 1);
  });

  it('keeps the last papers falling after the sorter read them all, then lands them all', () => {
    const playing = show({ playing: true, speed: 4 });
    const justRead = sortFrame(playing, 30, T0 + 3_760, false); // 30.08 papers through
    expect(justRead.sorted).toBe(30);
    expect(justRead.flying).toBe(true);
    expect(justRead.landed).toBeLessThan(30);
    const later = sortFrame(playing, 30, T0 + 10_000, false);
    expect(later).toMatchObject({ sorted: 30, landed: 30, flying: false });
  });

  it('with reduced motion never flies: papers land as they are read', () => {
    const f = sortFrame(show({ playing: true, speed: 16 }), 500, T0 + 2000, true);
    expect(f).toMatchObject({ flying: false, landed: 64, sorted: 64 });
  });
});

describe('trayCounts', () => {
  it('counts only landed papers and lists every tray', () => {
    const papers = [paper('a', ['a']), paper('recheck', []), paper('a', ['a']), paper('b', ['b'])];
    expect([...trayCounts(papers, 3, ['a', 'b', 'recheck'])]).toEqual([
      ['a', 2],
      ['b', 0],
      ['recheck', 1],
    ]);
  });
});

describe('flightKeyframes', () => {
  it('starts centred on the sorter, ends centred on the tray, and animates only translate and scale', () => {
    const frames = flightKeyframes({ x: 100, y: 50 }, { x: 400, y: 450 }, 8);
    expect(frames).toHaveLength(9);
    expect(frames[0]).toEqual({ offset: 0, transform: `translate(${100 - PAPER.width / 2}.0px, ${50 - PAPER.height / 2}.0px) scale(1.000)` });
    expect(frames.at(-1)!.transform).toBe(`translate(${400 - PAPER.width / 2}.0px, ${450 - PAPER.height / 2}.0px) scale(0.400)`);
    for (const f of frames) expect(Object.keys(f).sort()).toEqual(['offset', 'transform']);
    // It rises out of the machine before falling: early frames sit above the start.
    expect(frames[1]!.transform).toMatch(/translate\([\d.]+px, -?[\d.]+px\)/u);
    const y = (k: Keyframe) => Number(/, (-?[\d.]+)px\)/u.exec(String(k.transform))![1]);
    expect(y(frames[1]!)).toBeLessThan(y(frames[0]!));
  });
});

describe('ballotImages', () => {
  it('shares one picture between papers with the same marks', () => {
    const contest = { id: 'c', type: 'single', ballotColour: '#f6f3ea', options: [{ id: 'a', symbol: 1, colour: '#d32f2f' }, { id: 'b', symbol: 2, colour: '#1565c0' }] } as unknown as Contest;
    const images = ballotImages(contest, [paper('a', ['a']), paper('b', ['b']), paper('a', ['a']), paper('recheck', [])]);
    expect(images.urls).toHaveLength(3);
    expect(images.of).toEqual([0, 1, 0, 2]);
    expect(images.urls[0]).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/u);
  });
});
