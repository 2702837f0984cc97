import type { BadgeTemplate } from '../../../electron/contract';

/** The arrangement of a badge's parts; each has its own stylesheet block. */
export type BadgeLayout = 'portrait' | 'landscape' | 'card';

/** A text field that is fitted to its box. */
export type FitField = 'title' | 'native' | 'latin' | 'organisation' | 'position' | 'country' | 'category';

/** Largest and smallest type size of a field, in points; below `shrinkTo` the text wraps instead. */
export interface FitRange {
  readonly max: number;
  readonly shrinkTo: number;
  readonly floor: number;
}

/** Everything that differs between badge formats. Lengths are millimetres. */
export interface TemplateSpec {
  readonly id: BadgeTemplate;
  readonly page: { readonly width: number; readonly height: number };
  readonly badge: { readonly width: number; readonly height: number };
  /** Badges per sheet; null for one badge per page (label and card printers). */
  readonly grid: { readonly columns: number; readonly rows: number } | null;
  readonly layout: BadgeLayout;
  /**
   * QR module size. A v5 code is 37 modules plus a 4-module quiet zone on each side; on a
   * 203-dpi thermal printer 0.5 mm is exactly 4 dots, so every size here is a multiple of it
   * or of 1/8 mm.
   */
  readonly qrModuleMm: number;
  readonly fit: Readonly<Record<FitField, FitRange>>;
}

const PORTRAIT_FIT: TemplateSpec['fit'] = {
  title: { max: 15, shrinkTo: 11, floor: 7 },
  native: { max: 30, shrinkTo: 20, floor: 8 },
  latin: { max: 22, shrinkTo: 15, floor: 7 },
  organisation: { max: 12, shrinkTo: 10, floor: 6.5 },
  position: { max: 11, shrinkTo: 9, floor: 6.5 },
  country: { max: 12, shrinkTo: 8, floor: 6 },
  category: { max: 16, shrinkTo: 10, floor: 6 },
};

const LANDSCAPE_FIT: TemplateSpec['fit'] = {
  title: { max: 11, shrinkTo: 8.5, floor: 6 },
  native: { max: 22, shrinkTo: 15, floor: 7 },
  latin: { max: 16, shrinkTo: 11, floor: 6 },
  organisation: { max: 9.5, shrinkTo: 8, floor: 5.5 },
  position: { max: 9, shrinkTo: 7.5, floor: 5.5 },
  country: { max: 9.5, shrinkTo: 7, floor: 5.5 },
  category: { max: 10, shrinkTo: 7, floor: 5 },
};

const CARD_FIT: TemplateSpec['fit'] = {
  title: { max: 8, shrinkTo: 6.5, floor: 5 },
  native: { max: 15, shrinkTo: 11, floor: 5.5 },
  latin: { max: 11, shrinkTo: 8, floor: 5 },
  organisation: { max: 7, shrinkTo: 6, floor: 4.5 },
  position: { max: 6.5, shrinkTo: 5.5, floor: 4.5 },
  country: { max: 7, shrinkTo: 5.5, floor: 4.5 },
  category: { max: 8.5, shrinkTo: 6.5, floor: 4.5 },
};

/** The badge formats, in the order the designer offers them. */
export const TEMPLATE_SPECS: Readonly<Record<BadgeTemplate, TemplateSpec>> = {
  a6: {
    id: 'a6',
    page: { width: 105, height: 148 },
    badge: { width: 105, height: 148 },
    grid: null,
    layout: 'portrait',
    qrModuleMm: 0.75,
    fit: PORTRAIT_FIT,
  },
  in4x3: {
    id: 'in4x3',
    page: { width: 101.6, height: 76.2 },
    badge: { width: 101.6, height: 76.2 },
    grid: null,
    layout: 'landscape',
    qrModuleMm: 0.5,
    fit: LANDSCAPE_FIT,
  },
  cr80: {
    id: 'cr80',
    // ISO/IEC 7810 ID-1, upright: a card on a lanyard hangs portrait.
    page: { width: 53.98, height: 85.6 },
    badge: { width: 53.98, height: 85.6 },
    grid: null,
    layout: 'card',
    qrModuleMm: 0.5,
    fit: CARD_FIT,
  },
  a4x4: {
    id: 'a4x4',
    page: { width: 210, height: 297 },
    badge: { width: 98, height: 140 },
    grid: { columns: 2, rows: 2 },
    layout: 'portrait',
    qrModuleMm: 0.75,
    fit: PORTRAIT_FIT,
  },
  a4x8: {
    id: 'a4x8',
    page: { width: 210, height: 297 },
    badge: { width: 98, height: 70 },
    grid: { columns: 2, rows: 4 },
    layout: 'landscape',
    qrModuleMm: 0.5,
    fit: LANDSCAPE_FIT,
  },
};

/** Badges per printed page. */
export function badgesPerPage(spec: TemplateSpec): number {
  return spec.grid ? spec.grid.columns * spec.grid.rows : 1;
}

/** Where the grid of badges starts on a sheet: centred, so the margins hold the cut marks. */
export function gridOrigin(spec: TemplateSpec): { left: number; top: number } {
  if (!spec.grid) return { left: 0, top: 0 };
  return {
    left: (spec.page.width - spec.grid.columns * spec.badge.width) / 2,
    top: (spec.page.height - spec.grid.rows * spec.badge.height) / 2,
  };
}

/**
 * The cut marks of a sheet: short lines in the margin on every cut line, ending 1 mm before
 * the badges so that no mark is printed on a badge.
 */
export function cutMarks(spec: TemplateSpec): Array<{ x1: number; y1: number; x2: number; y2: number }> {
  if (!spec.grid) return [];
  const { left, top } = gridOrigin(spec);
  const right = left + spec.grid.columns * spec.badge.width;
  const bottom = top + spec.grid.rows * spec.badge.height;
  const length = Math.min(5, left - 1.5, top - 1.5);
  const marks: Array<{ x1: number; y1: number; x2: number; y2: number }> = [];
  for (let c = 0; c <= spec.grid.columns; c++) {
    const x = left + c * spec.badge.width;
    marks.push({ x1: x, y1: top - 1 - length, x2: x, y2: top - 1 }, { x1: x, y1: bottom + 1, x2: x, y2: bottom + 1 + length });
  }
  for (let r = 0; r <= spec.grid.rows; r++) {
    const y = top + r * spec.badge.height;
    marks.push({ x1: left - 1 - length, y1: y, x2: left - 1, y2: y }, { x1: right + 1, y1: y, x2: right + 1 + length, y2: y });
  }
  return marks;
}
