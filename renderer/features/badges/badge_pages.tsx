import type { CSSProperties } from 'react';
import type { BadgeSheet } from '../../../electron/contract';
import { badgesPerPage, cutMarks, gridOrigin, type TemplateSpec } from './badge_templates';
import { BadgeView } from './badge_view';

/** Splits a batch into printed pages. */
function pagesOf<T>(items: readonly T[], perPage: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += perPage) pages.push(items.slice(i, i + perPage));
  return pages;
}

/** Thin cut marks in a sheet's margins, drawn as vector lines over the whole page. */
function CutMarks({ spec }: { spec: TemplateSpec }) {
  const { width, height } = spec.page;
  return (
    <svg className="cut-marks" viewBox={`0 0 ${width} ${height}`} width={`${width}mm`} height={`${height}mm`} aria-hidden="true">
      {cutMarks(spec).map((m, i) => (
        <line key={i} x1={m.x1} y1={m.y1} x2={m.x2} y2={m.y2} stroke="#000" strokeWidth={0.2} />
      ))}
    </svg>
  );
}

/**
 * A batch as printed pages: one badge per page for label and card printers, or A4 sheets
 * with the badges edge to edge (one cut separates two) and cut marks in the margins.
 */
export function BadgePages({ sheet, spec }: { sheet: BadgeSheet; spec: TemplateSpec }) {
  const page: CSSProperties = { width: `${spec.page.width}mm`, height: `${spec.page.height}mm` };
  const { left, top } = gridOrigin(spec);
  const columns = spec.grid?.columns ?? 1;
  return (
    <>
      {pagesOf(sheet.items, badgesPerPage(spec)).map((items, p) => (
        <section className="badge-page" style={page} key={p} data-page={p + 1}>
          {spec.grid ? <CutMarks spec={spec} /> : null}
          {items.map((item, i) => (
            <div
              className="badge-slot"
              key={item.participantId}
              style={{ left: `${left + (i % columns) * spec.badge.width}mm`, top: `${top + Math.floor(i / columns) * spec.badge.height}mm` }}
            >
              <BadgeView item={item} design={sheet.design} event={sheet.event} spec={spec} />
            </div>
          ))}
        </section>
      ))}
    </>
  );
}
