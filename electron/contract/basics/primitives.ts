import { z } from 'zod';

// Control characters other than tab/newline never belong in names or titles: they hide text
// on screens and badges, so they are refused at the edge.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;

/** A single line of user text: trimmed, no control characters, bounded. */
export function lineText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((s) => !CONTROL_CHARS.test(s) && !/[\r\n]/u.test(s), 'must be a single line of text');
}

/** Longer free text (notes): bounded, no control characters except newlines and tabs. */
export function multilineText(max: number) {
  return z
    .string()
    .max(max)
    .refine((s) => !CONTROL_CHARS.test(s), 'must not contain control characters');
}

export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'must be a date as YYYY-MM-DD');
export const LocalTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/u, 'must be a time as HH:MM');
export const TimestampSchema = z.string().datetime({ offset: true });
/** ISO 3166-1 alpha-2, upper case. */
export const CountryCodeSchema = z.string().regex(/^[A-Z]{2}$/u, 'must be an ISO 3166-1 alpha-2 code');
/** ISO 639-1 (or 639-3 where there is no two-letter code), lower case. */
export const LanguageCodeSchema = z.string().regex(/^[a-z]{2,3}$/u, 'must be an ISO 639 language code');
/** BCP 47 tag used to pick fonts for a name written in its own script (ko, ar, zh-Hans, th). */
export const ScriptLangSchema = z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{4})?$/u);
export const ColourSchema = z.string().regex(/^#[0-9a-f]{6}$/u, 'must be a colour as #rrggbb');
export const RowIdSchema = z.number().int().positive();
export const UuidSchema = z.string().uuid();

/** Text in several languages; English is the fallback every definition must have. */
export const LocalizedTextSchema = z
  .record(LanguageCodeSchema, lineText(200))
  .refine((t) => typeof t['en'] === 'string' && t['en'].length > 0, 'needs at least an English text');
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Paging for list methods; the cap keeps one answer small on a slow LAN. */
export const PageInputSchema = z.object({
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});
