import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contest, CountPaper, CountShowState } from '../../../electron/contract';
import { optionName, pick, prefersReducedMotion } from './show_text';
import { drawContained, drawPlainPaper, loadBallotSprites } from './ballot_sprites';
import { ballotImages, FLIGHT_SECONDS, flightKeyframes, PAPER, sortFrame, TILTS, trayCounts, type Point } from './sort_flights';

/** Flying papers on the stage at most: 32 ballots a second at top speed × 0.8 s of flight, with room to spare. */
const POOL = 40;
/** The reader's window inside its frame, in CSS pixels (`.reader` less its padding and border). */
const READER = { width: 104, height: 154 } as const;
/** How often, while papers stream, the sorter launches the next papers and updates the figures (ms). */
const TICK_MS = 100;

interface Sprites {
  /** Per tilt (TILTS), per picture. */
  flight: Array<Array<ImageBitmap | undefined>>;
  reader: Array<ImageBitmap | undefined>;
}

/** Sizes a canvas's backing store to `width` × `height` CSS pixels at the screen's pixel ratio and returns its context. */
function sized(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D | null {
  const scale = Math.min(3, Math.max(1, window.devicePixelRatio || 1));
  const w = Math.round(width * scale);
  const h = Math.round(height * scale);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  return canvas.getContext('2d');
}

/**
 * The sorting machine: papers leave the box one by one, pass the reader (the paper being read is
 * shown large) and drop into their option's tray or the re-check tray. Each paper is one image
 * (its ballot drawn once per distinct set of marks) launched as a Web Animation of transform and
 * opacity, which the compositor plays without the main thread; one requestAnimationFrame loop
 * only launches papers and writes the figures when they change, and React renders only when the
 * show state changes. So the projector follows play, pause, step and speed, and 500 ballots stay smooth.
 */
export function SortingStage({ contest, papers, show, hostNow }: { contest: Contest; papers: readonly CountPaper[]; show: CountShowState; hostNow: string }) {
  const { t } = useTranslation(undefined, { lng: show.language });
  const lang = show.language;
  const stage = useRef<HTMLDivElement>(null);
  const machine = useRef<HTMLDivElement>(null);
  const reader = useRef<HTMLDivElement>(null);
  const readerCanvas = useRef<HTMLCanvasElement>(null);
  const counter = useRef<HTMLParagraphElement>(null);
  const remaining = useRef<HTMLSpanElement>(null);
  const flights = useRef<Array<HTMLCanvasElement | null>>([]);
  const flightBox = useRef<HTMLDivElement>(null);
  const trayFigures = useRef<Map<string, HTMLElement>>(new Map());
  // How far the host's clock is ahead of this screen's, measured when the view arrived (the
  // answer's own trip, tens of milliseconds, is well under one paper's flight).
  const hostAhead = useMemo(() => Date.parse(hostNow) - Date.now(), [hostNow]);
  const trayIds = useMemo(() => [...contest.options.map((o) => o.id), ...(papers.some((p) => p.tray === 'multi') ? ['multi'] : []), 'recheck'], [contest, papers]);
  const images = useMemo(() => ballotImages(contest, papers), [contest, papers]);

  const [sprites, setSprites] = useState<Sprites>({ flight: [], reader: [] });

  // Rasterise every distinct picture once up front, so a launch is a bitmap copy, never a fetch or a vector repaint.
  useEffect(() => {
    let live = true;
    void Promise.all([Promise.all(TILTS.map((tilt) => loadBallotSprites(images.urls, PAPER.width, PAPER.height, tilt))), loadBallotSprites(images.urls, READER.width, READER.height)]).then(
      ([flight, reader]) => live && setSprites({ flight, reader }),
    );
    return () => void (live = false);
  }, [images]);

  useEffect(() => {
    const total = papers.length;
    const reduced = prefersReducedMotion();
    const durationMs = FLIGHT_SECONDS * 1000;
    const running: Array<Animation | null> = Array.from({ length: POOL }, () => null);
    const keyframes = new Map<string, Keyframe[]>();
    let frame = 0;
    let launched = 0;
    let shown = { sorted: -1, reading: -2, remaining: -1, counts: '' };
    const paint = (ctx: CanvasRenderingContext2D, sprite: ImageBitmap | undefined, present: boolean) => {
      if (!present) ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
      else if (sprite) drawContained(ctx, sprite, sprite.width, sprite.height);
      else drawPlainPaper(ctx, contest.ballotColour);
    };
    const land = () => {
      flightBox.current?.classList.remove('live');
      for (const [k, animation] of running.entries()) {
        animation?.cancel();
        running[k] = null;
      }
    };
    const measure = () => {
      const box = stage.current?.getBoundingClientRect();
      const m = machine.current?.getBoundingClientRect();
      if (!box || !m) return;
      const from: Point = { x: m.left - box.left + m.width / 2, y: m.bottom - box.top - 10 };
      keyframes.clear();
      for (const [id, el] of trayFigures.current) {
        const r = (el.closest('[data-tray]') ?? el).getBoundingClientRect();
        keyframes.set(id, flightKeyframes(from, { x: r.left - box.left + r.width / 2, y: r.top - box.top + 24 }));
      }
      // Papers in the air re-launch on the new paths (a resized window, a projector going full screen).
      land();
      launched = 0;
    };
    measure();
    const observer = new ResizeObserver(measure);
    if (stage.current) observer.observe(stage.current);
    let lastTick = Number.NEGATIVE_INFINITY;
    const draw = () => {
      const now = Date.now();
      const f = sortFrame(show, total, now + hostAhead, reduced);
      const streaming = show.playing && f.raw < total + f.span;
      // While papers stream, launches and figures go in batches ten times a second (the compositor
      // moves the papers in between), so the page's main thread stays nearly idle; a still show is drawn at once.
      if (streaming && now - lastTick < TICK_MS) {
        frame = requestAnimationFrame(draw);
        return;
      }
      lastTick = now;
      flightBox.current?.classList.toggle('live', f.flying);
      const counts = trayCounts(papers, f.landed, trayIds);
      const key = [...counts.values()].join(',');
      if (key !== shown.counts) {
        shown.counts = key;
        for (const [id, n] of counts) {
          const el = trayFigures.current.get(id);
          if (el) el.textContent = String(n);
        }
      }
      if (f.sorted !== shown.sorted && counter.current) {
        counter.current.textContent = t('countShow.sortedOf', { sorted: f.sorted, total });
        counter.current.dataset['sorted'] = String(f.sorted);
      }
      if (total - f.sorted !== shown.remaining && remaining.current) remaining.current.textContent = String(total - f.sorted);
      if (f.reading !== shown.reading && reader.current && readerCanvas.current) {
        const ctx = sized(readerCanvas.current, READER.width, READER.height);
        if (ctx) paint(ctx, f.reading >= 0 ? sprites.reader[images.of[f.reading]!] : undefined, f.reading >= 0);
        reader.current.dataset['tray'] = f.reading >= 0 ? papers[f.reading]!.tray : '';
      }
      shown = { ...shown, sorted: f.sorted, reading: f.reading, remaining: total - f.sorted };
      if (f.flying) {
        // Launch every paper the sorter lets go before the next batch (a little ahead, so a late batch
        // leaves no gap): one already under way starts part-way through its flight, one still to come waits its turn.
        const ahead = f.raw + (f.span / FLIGHT_SECONDS) * ((1.5 * TICK_MS) / 1000);
        launched = Math.max(launched, f.landed);
        for (; launched < total && launched <= ahead; launched++) {
          const slot = launched % POOL;
          const el = flights.current[slot];
          const path = keyframes.get(papers[launched]!.tray);
          if (!el || !path) continue;
          running[slot]?.cancel();
          const tilt = launched % TILTS.length;
          const sprite = sprites.flight[tilt]?.[images.of[launched]!];
          const picture = `${tilt}:${images.of[launched]!}`;
          if (el.dataset['picture'] !== picture) {
            const ctx = sized(el, PAPER.width, PAPER.height);
            if (ctx) paint(ctx, sprite, true);
            el.dataset['picture'] = sprite ? picture : '';
          }
          const animation = el.animate(path, { duration: durationMs, easing: 'linear' });
          animation.currentTime = Math.min(durationMs, ((f.raw - launched) / f.span) * durationMs);
          running[slot] = animation;
        }
      } else land();
      if (streaming) frame = requestAnimationFrame(draw);
    };
    frame = requestAnimationFrame(draw);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      land();
    };
  }, [contest, papers, show, images, sprites, trayIds, t, hostAhead]);

  const trayName = (id: string) => (id === 'recheck' ? t('countShow.recheckTray') : id === 'multi' ? t('countShow.multiTray') : optionName(contest, id, lang));
  const symbol = (id: string) => contest.options.find((o) => o.id === id)?.symbol;
  return (
    <section className="stage sorting-stage" ref={stage} data-testid="sorting-stage" aria-label={t('countShow.phase.sorting')}>
      <header className="stage-head">
        <h2>{t('countShow.phase.sorting')}</h2>
        <p className="stage-sub">{pick(contest.title, lang)}</p>
        <p className="stage-counter" ref={counter} data-testid="sort-count" aria-live="off" />
      </header>
      <div className="sorter-row">
        <div className="feeder" aria-hidden="true">
          <div className="feeder-pile" style={{ ['--paper' as string]: contest.ballotColour }} />
          <p>
            {t('countShow.feeder')}: <span ref={remaining} />
          </p>
        </div>
        <div className="machine" ref={machine}>
          <span className="machine-label">{t('countShow.machine')}</span>
          <div className="reader" ref={reader} data-testid="sorter-reader">
            <canvas ref={readerCanvas} />
          </div>
        </div>
      </div>
      <ol className="trays" style={{ gridTemplateColumns: `repeat(${trayIds.length}, minmax(0, 1fr))` }}>
        {trayIds.map((id) => (
          <li key={id} className={id === 'recheck' ? 'tray tray-recheck' : 'tray'} data-tray={id} data-testid={`tray-${id}`} style={{ ['--tray' as string]: contest.options.find((o) => o.id === id)?.colour ?? '#f0a202' }}>
            <span className="tray-count" ref={(el) => void (el ? trayFigures.current.set(id, el) : trayFigures.current.delete(id))}>0</span>
            <span className="tray-name">
              {symbol(id) !== undefined ? <b className="tray-symbol">{symbol(id)}</b> : null}
              <bdi>{trayName(id)}</bdi>
            </span>
          </li>
        ))}
      </ol>
      <div className="flights" ref={flightBox} aria-hidden="true">
        {Array.from({ length: POOL }, (_, k) => (
          <canvas key={k} className="flight" ref={(el) => void (flights.current[k] = el)} />
        ))}
      </div>
    </section>
  );
}
