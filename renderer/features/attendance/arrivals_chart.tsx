import { useId } from 'react';

/** One bar of the chart: arrivals in the interval that starts at `from` (ISO). */
export interface ArrivalBucket {
  readonly from: string;
  readonly count: number;
}

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { top: 16, bottom: 28, start: 40, end: 16 };
/** Fewer slots than this would make one early bar fill the whole width. */
const MIN_SLOTS = 8;

/** The running total after each bucket. */
function runningTotals(buckets: readonly ArrivalBucket[]): number[] {
  const out: number[] = [];
  for (const b of buckets) out.push((out[out.length - 1] ?? 0) + b.count);
  return out;
}

/** Round tick steps for an axis: 1, 2, 5, 10, 20, 50… */
function niceStep(max: number, ticks = 4): number {
  const raw = Math.max(1, max / ticks);
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
}

/**
 * Buckets from the first arrival up to now, empty intervals included, so the chart's time axis
 * is honest and grows through the day (the host sends only intervals between the first and last
 * arrival).
 */
export function bucketsUntil(buckets: readonly ArrivalBucket[], bucketMinutes: number, now: string, max = 96): ArrivalBucket[] {
  const first = buckets[0];
  if (!first) return [];
  const step = bucketMinutes * 60_000;
  const start = Date.parse(first.from);
  const counts = new Map(buckets.map((b) => [Math.round((Date.parse(b.from) - start) / step), b.count]));
  const last = Math.max(...counts.keys(), Math.floor((Date.parse(now) - start) / step));
  const from = Math.max(0, last - max + 1);
  return Array.from({ length: last - from + 1 }, (_, i) => ({ from: new Date(start + (from + i) * step).toISOString(), count: counts.get(from + i) ?? 0 }));
}

/**
 * Arrivals over time in plain SVG (no chart library: ecosystem §10): the running total as an
 * area against the number expected, and check-ins per interval as bars on the same axis, each
 * labelled with its count (one scale, so a bar never looks bigger than it is). Time runs with the reading direction, so in Arabic the first arrivals
 * are on the right. Every figure is also in a table for screen readers.
 */
export function ArrivalsChart({ buckets, expected, rtl, locale, label, totalLabel, timeZone }: {
  buckets: readonly ArrivalBucket[];
  expected: number;
  rtl: boolean;
  locale: string;
  /** The accessible name: what the chart shows. */
  label: string;
  /** The heading of the running-total column in the screen-reader table. */
  totalLabel: string;
  timeZone: string;
}) {
  const titleId = useId();
  const plotW = WIDTH - PAD.start - PAD.end;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const cumulative = runningTotals(buckets);
  const running = cumulative[cumulative.length - 1] ?? 0;
  const totalStep = niceStep(Math.max(1, expected, running));
  const totalMax = Math.ceil(Math.max(1, expected, running) / totalStep) * totalStep;
  const slots = Math.max(MIN_SLOTS, buckets.length);
  const slot = plotW / slots;
  // Logical x (0 at the start of the reading direction) to SVG x.
  const x = (logical: number) => (rtl ? WIDTH - PAD.start - logical : PAD.start + logical);
  const yTotal = (value: number) => PAD.top + plotH - (value / totalMax) * plotH;
  // Bars share the axis: an interval's arrivals never exceed the running total drawn over them.
  const yBar = yTotal;
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone });
  const number = new Intl.NumberFormat(locale);
  const labelEvery = Math.max(1, Math.ceil(buckets.length / 6));
  const points = cumulative.map((c, i) => [x(slot * (i + 1)), yTotal(c)] as const);
  const line = [[x(0), yTotal(0)] as const, ...points].map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${px.toFixed(1)},${py.toFixed(1)}`).join(' ');
  const last = points[points.length - 1];
  const area = last ? `${line} L${last[0].toFixed(1)},${yTotal(0).toFixed(1)} Z` : '';
  const totalTicks = Array.from({ length: Math.round(totalMax / totalStep) + 1 }, (_, i) => i * totalStep);
  // The count axis sits on the side time starts from.
  const axisX = rtl ? WIDTH - PAD.start + 6 : PAD.start - 6;
  const axisAnchor = rtl ? 'start' : 'end';

  return (
    <figure className="arrivals-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} data-testid="arrivals-chart" data-total={running}>
        <title id={titleId}>{label}</title>
        {totalTicks.map((t) => (
          <g key={t} className="grid">
            <line x1={x(0)} x2={x(plotW)} y1={yTotal(t)} y2={yTotal(t)} />
            <text x={axisX} y={yTotal(t)} dy="0.35em" textAnchor={axisAnchor}>{number.format(t)}</text>
          </g>
        ))}
        {expected > 0 ? <line className="expected" x1={x(0)} x2={x(plotW)} y1={yTotal(expected)} y2={yTotal(expected)} /> : null}
        {area ? <path className="running-area" d={area} /> : null}
        {buckets.map((b, i) => {
          const barW = Math.max(2, Math.min(28, slot * 0.6));
          const centre = x(slot * (i + 0.5));
          return (
            <g key={b.from}>
              {b.count > 0 ? (
                <>
                  <rect className="bar" x={centre - barW / 2} y={yBar(b.count)} width={barW} height={yBar(0) - yBar(b.count)}>
                    <title>{`${time.format(new Date(b.from))}: ${number.format(b.count)}`}</title>
                  </rect>
                  {/* Short bars are hard to read off the axis, so each carries its number. */}
                  {slot >= 14 ? <text className="bar-label" x={centre} y={yBar(b.count) - 4} textAnchor="middle">{number.format(b.count)}</text> : null}
                </>
              ) : null}
              {i % labelEvery === 0 ? (
                <text className="tick" x={x(slot * i)} y={HEIGHT - 8} textAnchor="middle">{time.format(new Date(b.from))}</text>
              ) : null}
            </g>
          );
        })}
        {points.length > 0 ? <path className="running" d={line} /> : null}
        {last ? <circle className="running-dot" cx={last[0]} cy={last[1]} r={4} /> : null}
        {last ? (
          <text className="running-label" x={last[0]} y={last[1] - 10} textAnchor="middle">{number.format(running)}</text>
        ) : null}
      </svg>
      <table className="visually-hidden">
        <caption>{label}</caption>
        <tbody>
          {buckets.map((b, i) => (
            <tr key={b.from}>
              <th scope="row">{time.format(new Date(b.from))}</th>
              <td>{number.format(b.count)}</td>
              <td>{`${totalLabel}: ${number.format(cumulative[i] ?? 0)}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
