import { useLayoutEffect, useRef } from 'react';
import type { BadgeDesign, BadgeItem, BadgeSheet } from '../../../electron/contract';
import type { TemplateSpec } from './badge_templates';
import { BadgeView } from './badge_view';
import { fitBadge, type FitCache } from './fit_text';
import { fontsLoaded } from './print_layout';

const PX_PER_MM = 96 / 25.4;
/** How wide a previewed badge is on screen, at most. */
const PREVIEW_WIDTH_PX = 300;

/** The scale a badge is shown at: real size for cards, smaller for big formats. */
export function previewScale(spec: TemplateSpec): number {
  return Math.min(1, PREVIEW_WIDTH_PX / (spec.badge.width * PX_PER_MM));
}

/**
 * Badges of real participants exactly as they will print: the same markup and fitting as the
 * print page, only scaled for the screen. Fitting runs again once the fonts of the names shown
 * have arrived, so the preview never shows a size chosen for a fallback font.
 */
export function BadgePreview({ items, design, event, spec }: {
  items: readonly BadgeItem[];
  design: BadgeDesign;
  event: BadgeSheet['event'];
  spec: TemplateSpec;
}) {
  const list = useRef<HTMLDivElement>(null);
  const scale = previewScale(spec);

  useLayoutEffect(() => {
    const root = list.current;
    if (!root) return undefined;
    let current = true;
    const fit = () => {
      const cache: FitCache = new Map();
      for (const badge of Array.from(root.querySelectorAll<HTMLElement>('.badge'))) fitBadge(badge, spec, cache);
    };
    fit();
    void fontsLoaded(root).then(() => {
      if (current) fit();
    });
    return () => {
      current = false;
    };
  }, [items, design, event, spec]);

  return (
    <div className="badge-preview-list" ref={list} data-testid="badge-preview">
      {items.map((item) => (
        <div
          key={item.participantId}
          className="badge-preview-frame"
          dir="ltr"
          style={{ width: `${spec.badge.width * scale}mm`, height: `${spec.badge.height * scale}mm` }}
        >
          <div className="badge-preview-scaled" style={{ transform: `scale(${scale})` }}>
            <BadgeView item={item} design={design} event={event} spec={spec} />
          </div>
        </div>
      ))}
    </div>
  );
}
