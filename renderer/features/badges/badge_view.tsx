import type { CSSProperties, ReactNode } from 'react';
import type { BadgeDesign, BadgeItem, BadgeSheet } from '../../../electron/contract';
import type { TemplateSpec } from './badge_templates';
import { countryNameEn, flagUrl } from './flags';
import { QrCode } from './qr_code';
import './badge.css';

const LATIN_ONLY = /^[\p{Script=Latin}\p{Mark}\p{Zs}\p{P}\d]+$/u;

/** The names a badge shows: the own-script name (if it is not Latin) and the Latin one. */
export function badgeNames(item: BadgeItem, fields: BadgeDesign['fields']): { native: string | null; latin: string | null } {
  const native = item.nativeName.trim();
  // A name already in Latin letters (Đặng Thị Hương, Zoë Øster) is its own best Latin form,
  // diacritics included: it is printed once, where the Latin name goes.
  if (native && LATIN_ONLY.test(native)) return { native: null, latin: native };
  const hasNative = Boolean(native) && native !== item.latinName;
  const showNative = hasNative && fields.nativeName;
  const showLatin = fields.latinName || !showNative;
  return { native: showNative ? native : null, latin: showLatin ? item.latinName : null };
}

/**
 * A name that never breaks at its hyphens (Min-jun, Al-Hashemi): hyphenated words are kept
 * whole by CSS. (U+2011, the non-breaking hyphen, is missing from the bundled fonts and would
 * fall back to whatever font the computer has.)
 */
export function NameText({ name }: { name: string }) {
  return (
    <>
      {name.split(/(\S*-\S*)/u).map((part, i) => (i % 2 === 1 ? <span key={i} className="nobr">{part}</span> : part))}
    </>
  );
}

/** The Latin name with the family name in capitals (KIM Min-jun), so it is never in doubt. */
export function withFamilyInCapitals(name: string, familyName: string): string {
  const family = familyName.trim();
  const at = family ? name.indexOf(family) : -1;
  if (at < 0) return name;
  return `${name.slice(0, at)}${family.toLocaleUpperCase('en')}${name.slice(at + family.length)}`;
}

/**
 * The band's text colour: white wherever it reaches WCAG's 3:1 for large bold text (it reads
 * as part of a coloured band), black on light colours such as a VIP gold.
 */
export function inkOn(colour: string): string {
  const channel = (i: number) => {
    const c = parseInt(colour.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (luminance + 0.05) >= 3 ? '#ffffff' : '#000000';
}

/** Whether two place names say the same (Viet Nam and Vietnam, Türkiye and TÜRKIYE). */
function samePlace(a: string, b: string): boolean {
  const key = (s: string) => s.normalize('NFKD').replace(/[^\p{L}]/gu, '').toLowerCase();
  return key(a) === key(b);
}

/** The event's dates as a badge prints them (1–3 Dec 2026). */
export function badgeDates(event: BadgeSheet['event']): string {
  const day = (d: string) => new Date(`${d}T12:00:00Z`);
  const format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return event.startDate === event.endDate ? format.format(day(event.startDate)) : format.formatRange(day(event.startDate), day(event.endDate));
}

/** A text field that is fitted to its box (see fit_text.ts). */
function Fit({ field, children, lang, dir }: { field: string; children: ReactNode; lang?: string; dir?: 'auto' | 'ltr' }) {
  return (
    <div className={`fit fit-${field}`} data-fit={field}>
      <span className="fit-text" lang={lang} dir={dir}>{children}</span>
    </div>
  );
}

/** One badge, at its real size in millimetres: the same markup on screen, in the PDF and on paper. */
export function BadgeView({ item, design, event, spec }: {
  item: BadgeItem;
  design: BadgeDesign;
  event: BadgeSheet['event'];
  spec: TemplateSpec;
}) {
  const fields = design.fields;
  const names = badgeNames(item, fields);
  const country = fields.country ? countryNameEn(item.country) : '';
  const flag = fields.flag ? flagUrl(item.country) : null;
  // A delegation named after its country is said once.
  const delegation = fields.delegation && item.delegationName && !(country && samePlace(item.delegationName, country)) ? item.delegationName : '';
  const place = [country, delegation].filter(Boolean).join(' · ');
  const size: CSSProperties = { width: `${spec.badge.width}mm`, height: `${spec.badge.height}mm` };
  return (
    <article className={`badge badge--${spec.layout}`} dir="ltr" lang="en" style={size} data-participant={item.participantId}>
      <header className="badge-head">
        {fields.logo && design.logo ? <img className="badge-logo" src={design.logo} alt="" /> : null}
        <div className="badge-head-text">
          <Fit field="title">{design.title || event.name}</Fit>
          {spec.layout === 'card' ? null : (
            <div className="badge-dates">{[badgeDates(event), event.city].filter(Boolean).join(' · ')}</div>
          )}
        </div>
      </header>
      <div className="badge-body">
        <div className={names.native && names.latin ? 'badge-names two' : 'badge-names one'}>
          {names.native ? <Fit field="native" lang={item.nativeNameLang ?? undefined} dir="auto"><NameText name={names.native} /></Fit> : null}
          {names.latin ? <Fit field="latin" dir="auto"><NameText name={withFamilyInCapitals(names.latin, item.familyName)} /></Fit> : null}
        </div>
        {fields.organisation && item.organisation ? <Fit field="organisation" dir="auto">{item.organisation}</Fit> : null}
        {fields.position && item.position ? <Fit field="position" dir="auto">{item.position}</Fit> : null}
        {place || flag ? (
          <div className="badge-place">
            {flag ? <img className="badge-flag" src={flag} alt="" /> : null}
            {place ? <Fit field="country" dir="auto">{place}</Fit> : null}
          </div>
        ) : null}
      </div>
      {fields.qr ? (
        <div className="badge-qr-box">
          <QrCode text={item.code} moduleMm={spec.qrModuleMm} label={`Badge code of ${item.latinName}`} />
        </div>
      ) : null}
      {fields.category ? (
        <footer className="badge-band" style={{ backgroundColor: item.category.colour, color: inkOn(item.category.colour) }}>
          <Fit field="category">{item.category.name}</Fit>
        </footer>
      ) : (
        <div className="badge-band-space" />
      )}
    </article>
  );
}
