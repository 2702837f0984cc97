/**
 * Keys the participant index derives from a record: search keys of a country (its code and its
 * name in several languages), the tokens a person was indexed under, and sort and filter keys.
 */
import { FIELD, forEachPersonKey, groupSearchKeys, type PersonSearchText, type SearchKey } from '../search/search_keys';
import { asciiWords, foldNative, isAscii } from '../search/text_fold';

// Country names are searched in the languages of the staff UI and the common registration
// languages, so "corée", "대한민국" and "south korea" all find the Korean delegation.
const COUNTRY_NAME_LANGUAGES = ['en', 'ko', 'ar', 'fr', 'es', 'ru', 'zh', 'ja'];
const countryNamers = COUNTRY_NAME_LANGUAGES.map((l) => new Intl.DisplayNames([l], { type: 'region' }));

/** Search keys of a country: its code, and its name in the UI and registration languages. */
export function countryKeys(code: string): SearchKey[] {
  const keys: SearchKey[] = [{ token: code.toLowerCase(), field: FIELD.country, substring: false }];
  for (const namer of countryNamers) {
    let name: string | undefined;
    try {
      name = namer.of(code);
    } catch {
      name = undefined;
    }
    if (name && name !== code) keys.push(...groupSearchKeys(name, FIELD.country));
  }
  return keys;
}

/** The tokens a person was indexed under (keys are derived deterministically, so not stored). */
export function personTokens(p: PersonSearchText): string[] {
  const tokens: string[] = [];
  forEachPersonKey(p, (token) => tokens.push(token));
  return tokens;
}

/** A country code as one number (two char codes), 0 for none: what `columns.country` holds. */
export function countryNumber(code: string | null | undefined): number {
  return code && code.length === 2 ? code.charCodeAt(0) * 256 + code.charCodeAt(1) : 0;
}

/** The key a display name sorts by: Latin letters, so names in every script interleave by sound. */
export function nameSortKey(displayName: string): string {
  return isAscii(displayName) ? foldNative(displayName) : asciiWords(displayName).join(' ');
}
