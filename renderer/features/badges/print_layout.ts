/**
 * The print page's work once the badges are on it: set the page size of the format, wait for
 * every font, fit every name, wait for every image, and report progress to the host, which
 * turns the page into a PDF only when it says ready.
 */
import type { TemplateSpec } from './badge_templates';
import { fitBadge, type FitCache } from './fit_text';

export interface LayoutReport {
  readonly laidOut: number;
  readonly ready: boolean;
  readonly tight: number[];
  readonly problem: string | null;
}

/** Sends a report; resolves false when the batch was cancelled and the page should stop. */
export type Reporter = (report: LayoutReport) => Promise<boolean>;

/**
 * Gives the document its format's page size. Each format has its own @page rule: Chromium
 * ignores a size passed to printToPDF once any @page size exists (ecosystem §9).
 */
export function installPageSize(spec: TemplateSpec): void {
  const rule = `@page { size: ${spec.page.width}mm ${spec.page.height}mm; margin: 0; }`;
  // Added through the CSS object model to the bundled stylesheet: the strict CSP allows no
  // inline <style>, and the size is only known once the batch is.
  for (const sheet of Array.from(document.styleSheets)) {
    try {
      sheet.insertRule(rule, sheet.cssRules.length);
      return;
    } catch {
      // a sheet we may not change; try the next
    }
  }
  throw new Error('the page has no stylesheet to hold its page size');
}

/**
 * Loads every font face the badges' text needs before anything is measured: fonts are split
 * by unicode-range and fetched lazily, and a name measured in a fallback font would be fitted
 * to the wrong width. One request per font and weight, with every character it must draw.
 */
export async function fontsLoaded(root: HTMLElement): Promise<void> {
  const charsByFont = new Map<string, Set<string>>();
  for (const element of Array.from(root.querySelectorAll<HTMLElement>('.fit-text, .badge-dates'))) {
    const style = getComputedStyle(element);
    const font = `${style.fontStyle} ${style.fontWeight} 16px ${style.fontFamily}`;
    let chars = charsByFont.get(font);
    if (!chars) charsByFont.set(font, (chars = new Set()));
    // Both cases: the category band is set in capitals by CSS.
    for (const c of `${element.textContent ?? ''}`) chars.add(c).add(c.toLocaleUpperCase('en'));
  }
  await Promise.all([...charsByFont].map(([font, chars]) => document.fonts.load(font, [...chars].join(''))));
  await document.fonts.ready;
}

/** Waits for every image (flags, the logo) to be decoded, so none is missing from the PDF. */
async function imagesLoaded(root: HTMLElement): Promise<void> {
  const images = Array.from(root.querySelectorAll('img'));
  const failed = (await Promise.all(images.map((img) => img.decode().then(() => null, () => img.src)))).filter(Boolean);
  if (failed.length) throw new Error(`${failed.length} image(s) could not be loaded`);
}

/** Fits every badge under `root`, reporting progress about five times a second. */
export async function layOutForPrint(root: HTMLElement, spec: TemplateSpec, report: Reporter): Promise<void> {
  installPageSize(spec);
  await fontsLoaded(root);
  const badges = Array.from(root.querySelectorAll<HTMLElement>('.badge'));
  const cache: FitCache = new Map();
  const tight: number[] = [];
  let lastReport = performance.now();
  for (const [i, badge] of badges.entries()) {
    if (fitBadge(badge, spec, cache) !== 'fits') tight.push(Number(badge.dataset['participant']));
    if (performance.now() - lastReport > 200) {
      if (!(await report({ laidOut: i + 1, ready: false, tight: [], problem: null }))) return;
      lastReport = performance.now();
    }
  }
  await fontsLoaded(root);
  await imagesLoaded(root);
  document.documentElement.dataset['state'] = 'ready';
  await report({ laidOut: badges.length, ready: true, tight, problem: null });
}
