import { z } from 'zod';
import {
  CountryCodeSchema,
  LanguageCodeSchema,
  RowIdSchema,
  ScriptLangSchema,
  lineText,
  multilineText,
} from '../basics/primitives';

/**
 * ISO 3166-1 alpha-2 codes in use, plus Kosovo (XK, user-assigned but used by every registration
 * system). A country field must hold one of these: "ZZ" has the right shape but is no country.
 */
export const COUNTRY_CODES: readonly string[] = `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH
BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ
EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID
IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME
MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL
PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH
TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW`.split(/\s+/u);

const KNOWN_COUNTRIES = new Set(COUNTRY_CODES);

/** Whether a code is a country we know (see COUNTRY_CODES). */
export function isKnownCountry(code: string): boolean {
  return KNOWN_COUNTRIES.has(code);
}

/** A country code that names a real country. */
export const KnownCountrySchema = CountryCodeSchema.refine(isKnownCountry, 'is not a known country code');

/** Category codes: short, lower case, stable (badges and exports use them). */
export const CategoryCodeSchema = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/u, 'must be a short lower-case code');

/**
 * Longest name part accepted. Names are stored verbatim (a 600-character name imported from a
 * registration system must survive an edit of its e-mail), so the bound is generous.
 */
export const NAME_MAX = 1000;

export const ParticipantStatusSchema = z.enum(['registered', 'cancelled']);
export type ParticipantStatus = z.infer<typeof ParticipantStatusSchema>;

/** Columns the list can be sorted by; without a sort, a search ranks by relevance. */
export const ParticipantSortSchema = z.enum(['protocol', 'name', 'organisation', 'delegation', 'country', 'category', 'status', 'updatedAt']);
export type ParticipantSort = z.infer<typeof ParticipantSortSchema>;

/** The filters of the list, the export and (later) the desk: one shape everywhere. */
export const ParticipantFilterSchema = z.object({
  /** Ranked search over names in every script, organisation, delegation, country, e-mail and badge number. */
  query: lineText(200).default(''),
  categoryCode: z.string().max(32).optional(),
  /** A delegation, or 0 for people in no delegation. */
  delegationId: z.number().int().nonnegative().optional(),
  country: CountryCodeSchema.optional(),
  status: ParticipantStatusSchema.optional(),
  /** Arrival at the event desk: true, people checked in (and not undone, even if they left since); false, people not yet. */
  checkedIn: z.boolean().optional(),
  sort: ParticipantSortSchema.optional(),
  direction: z.enum(['asc', 'desc']).default('asc'),
  /** UI language, for sorting by country name as the user reads it. */
  locale: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/u).default('en'),
});
export type ParticipantFilter = z.output<typeof ParticipantFilterSchema>;

/** Where a person came from: the registration list, or added at the desk on the day. */
export const RegistrationSourceSchema = z.enum(['list', 'walk_in']);

/** An e-mail address or nothing. */
export const OptionalEmailSchema = z.union([z.literal(''), z.email('must be an e-mail address like name@example.org').max(254)]);

/**
 * What staff can edit about a person, validated the same way in the edit panel and at the
 * host. At least one name must be given; the display name is derived from the others if empty.
 */
export const ParticipantFieldsSchema = z
  .object({
    externalId: lineText(64)
      .nullable()
      .transform((v) => (v ? v : null)),
    title: lineText(60),
    familyName: lineText(NAME_MAX),
    givenName: lineText(NAME_MAX),
    nativeName: lineText(NAME_MAX),
    nativeNameLang: ScriptLangSchema.nullable(),
    displayName: lineText(NAME_MAX),
    organisation: lineText(500),
    position: lineText(500),
    country: KnownCountrySchema.nullable(),
    delegationId: RowIdSchema.nullable(),
    categoryCode: CategoryCodeSchema,
    languages: z
      .array(LanguageCodeSchema)
      .max(12)
      .refine((l) => new Set(l).size === l.length, 'lists a language twice'),
    email: OptionalEmailSchema,
    phone: lineText(60),
    notes: multilineText(2000),
    protocolOrder: z.number().int().min(0).max(1_000_000),
  })
  .refine((p) => Boolean(p.familyName || p.givenName || p.nativeName || p.displayName), {
    message: 'needs a name: family, given, in own script, or as displayed',
    path: ['familyName'],
    params: { reason: 'name_required' },
  });
export type ParticipantFields = z.infer<typeof ParticipantFieldsSchema>;
export type ParticipantFieldsInput = z.input<typeof ParticipantFieldsSchema>;

/** The display name a person gets when none is typed: given and family name, else the native one. */
export function deriveDisplayName(p: Pick<ParticipantFields, 'displayName' | 'familyName' | 'givenName' | 'nativeName'>): string {
  if (p.displayName) return p.displayName;
  const latin = [p.givenName, p.familyName].filter(Boolean).join(' ');
  return latin || p.nativeName;
}
