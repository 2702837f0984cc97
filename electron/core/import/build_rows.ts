/**
 * Turns each data row into the participant it describes, with the row's problems. Only
 * mapped columns are read: an unmapped passport column never leaves the file.
 */
import type { Category, ImportMapping, ImportTarget } from '../../contract';
import { defaultCategory, lookupCategory } from './category_lookup';
import { cleanLine, cleanMultiline } from './clean_cell';
import { countryName, lookupCountry } from './country_lookup';
import { lookupLanguage, splitLanguages } from './language_lookup';
import type { PersonFields } from '../participants/participant_store';
import { composeDisplayName, joinNameParts, nativeNameLang, scriptOf, scriptOfPair, splitFullName } from './person_names';
import type { RawProblem } from './read_table';
import { StringIndex } from './string_index';
import { nameKey } from './name_key';
import { foldText } from './text_fold';

/** The participant fields a row can set: the person's own, and their delegation by name. */
export interface ImportCandidate extends PersonFields {
  delegation: string | null;
  isHead: boolean;
}
export type CandidateField = keyof ImportCandidate;

/** One data row, read. `candidate` is null when the row cannot become a person. */
export interface BuiltRow {
  readonly row: number;
  candidate: ImportCandidate | null;
  /** Fields the row gives a value for (bits, see `provides`); only these change an existing participant. */
  readonly provided: number;
  /** The row's problems; rows without any share one frozen empty list (add with `addProblem`). */
  problems: RawProblem[];
  hasError: boolean;
  /** The name's matching key, computed once when first needed (see rowNameKey). */
  nameKey?: string;
}

// One bit per field: a number per row instead of a Set (a big import has 100,000 rows).
const FIELD_BITS: Record<CandidateField, number> = {
  externalId: 1, title: 2, familyName: 4, givenName: 8, nativeName: 16, nativeNameLang: 32, displayName: 64,
  organisation: 128, position: 256, country: 512, delegation: 1024, isHead: 2048, categoryCode: 4096,
  languages: 8192, email: 16384, phone: 32768, notes: 65536,
};

// Most rows have no problem: they share this list instead of holding an empty one each.
const NO_PROBLEMS: RawProblem[] = Object.freeze([]) as unknown as RawProblem[];

/** The list with the problem added; the shared empty list is never pushed into (it is frozen). */
function withProblem(list: RawProblem[], problem: RawProblem): RawProblem[] {
  if (list === NO_PROBLEMS) return [problem];
  list.push(problem);
  return list;
}

/** Adds a problem to a row found after it was built (a repeated id, a second head). */
export function addProblem(row: BuiltRow, problem: RawProblem): void {
  row.problems = withProblem(row.problems, problem);
}

/** Whether the row gives a value for the field. */
export function provides(row: BuiltRow, field: CandidateField): boolean {
  return (row.provided & FIELD_BITS[field]) !== 0;
}

/** The row's name key, computed once. */
export function rowNameKey(row: BuiltRow): string {
  row.nameKey ??= nameKey(row.candidate!);
  return row.nameKey;
}

export interface RowContext {
  readonly width: number;
  readonly mapping: ImportMapping;
  readonly headers: readonly string[];
  readonly categories: readonly Category[];
}

// One address: something@domain.tld, no spaces, no second @, no list separators.
const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>.]{2,}$/u;
const YES = new Set(['yes', 'y', 'true', '1', 'x', '✓', '✔', 'o', 'head', 'hod', '예', '네', '단장', 'oui', 'si', 'да', 'ja', 'chef', 'jefe', 'jefa']);

/** Columns per target, in column order. */
export function columnsByTarget(mapping: ImportMapping): Map<ImportTarget, number[]> {
  const map = new Map<ImportTarget, number[]>();
  for (const { index, target } of mapping.columns) {
    if (target === 'ignore') continue;
    map.set(target, [...(map.get(target) ?? []), index]);
  }
  return map;
}

const NO_LANGUAGES: { readonly codes: string[]; readonly unknown: string[] } = Object.freeze({ codes: [], unknown: [] });

/** A mapped cell, cleaned; '' for an unmapped field (index -1). */
function cellAt(cells: readonly string[], index: number): string {
  return index < 0 ? '' : cleanLine(cells[index]);
}

function warning(code: RawProblem['code'], row: number, columnIndex: number, value: string): RawProblem {
  return { code, severity: 'warning', row, columnIndex, value };
}

/**
 * Remembers a function's answers: a 100,000-row file has a few dozen countries and categories.
 * Every cell is a new string, so a Map would hash each one natively and then compare it with
 * its key; a StringIndex measured faster for these four or five lookups per row.
 */
function memo<T>(compute: (text: string) => T): (text: string) => T {
  const index = new StringIndex(64);
  const answers: T[] = [];
  return (text) => {
    const at = index.find(text);
    if (at >= 0) return answers[at]!;
    const answer = compute(text);
    if (index.size < 50_000) {
      index.addOrFind(text);
      answers.push(answer);
    }
    return answer;
  };
}

/** Builds the reader for one mapping; call it once per row. */
export function createRowBuilder(context: RowContext): (cells: readonly string[], row: number) => BuiltRow {
  const columns = columnsByTarget(context.mapping);
  const fallbackCategory = defaultCategory(context.categories) ?? 'delegate';
  const { mapping } = context;
  const col = (target: ImportTarget) => columns.get(target)?.[0] ?? -1;
  const at = {
    country: col('country'), fullName: col('fullName'), familyName: col('familyName'), givenName: col('givenName'),
    displayName: col('displayName'), externalId: col('externalId'), category: col('category'), languages: col('languages'),
    email: col('email'), delegation: col('delegation'), title: col('title'), organisation: col('organisation'),
    position: col('position'), phone: col('phone'), head: col('headOfDelegation'),
  };
  const nativeColumns = columns.get('nativeName') ?? [];
  const notesColumns = columns.get('notes') ?? [];
  const nameColumns = (['fullName', 'familyName', 'givenName', 'displayName', 'nativeName'] as const).flatMap((t) => columns.get(t) ?? []);
  // Keyed by the cell as read: a value seen before costs one lookup, not a cleaning and a lookup.
  const country = memo((raw) => {
    const text = cleanLine(raw);
    return { text, code: text ? lookupCountry(text) : null };
  });
  const category = memo((raw) => {
    const text = cleanLine(raw);
    return { text, code: text ? lookupCategory(text, context.categories, mapping.categoryValues) : null };
  });
  const languages = memo((raw) => {
    const text = cleanLine(raw);
    if (!text) return NO_LANGUAGES;
    const codes: string[] = [];
    const unknown: string[] = [];
    for (const token of splitLanguages(text)) {
      const code = lookupLanguage(token);
      if (!code) unknown.push(token);
      else if (!codes.includes(code)) codes.push(code);
    }
    return { codes, unknown };
  });
  const delegationText = memo(cleanLine);
  const isYes = memo((raw) => YES.has(foldText(cleanLine(raw))));
  const delegationOfCountry = memo((code) => countryName(code));
  const rawAt = (cells: readonly string[], index: number) => (index < 0 ? '' : (cells[index] ?? ''));
  const hasHead = at.head >= 0;

  return (cells, row) => {
    let problems = NO_PROBLEMS;
    let provided = 0;

    if (cells.length > context.width) {
      const extra = cells.slice(context.width).findIndex((c) => c.trim() !== '');
      if (extra >= 0) {
        problems = withProblem(problems, { code: 'extra_cells', severity: 'error', row, columnIndex: context.width + extra, value: cells[context.width + extra]!.slice(0, 60) });
      }
    }

    const { text: countryText, code: countryCode } = country(rawAt(cells, at.country));
    if (countryCode) provided |= FIELD_BITS.country;
    else if (countryText) problems = withProblem(problems, warning('unknown_country', row, at.country, countryText));

    const full = cellAt(cells, at.fullName);
    let family = cellAt(cells, at.familyName);
    let given = cellAt(cells, at.givenName);
    const display = cellAt(cells, at.displayName);
    let native = '';
    for (const i of nativeColumns) native = joinNameParts(native, cleanLine(cells[i]));
    if (!family && !given && full) ({ family, given } = splitFullName(full, mapping.nameOrder, countryCode));
    const partsScript = family || given ? scriptOfPair(family, given) : null;
    const composed = family || given ? composeDisplayName(family, given, countryCode, partsScript) : '';
    if (!full && !display && !composed && !native) {
      problems = withProblem(problems, { code: 'missing_name', severity: 'error', row, columnIndex: nameColumns[0] ?? null, value: null });
      return { row, candidate: null, provided, problems, hasError: true, nameKey: undefined };
    }
    let nativeName = native;
    const writtenScript = full ? scriptOf(full) : partsScript;
    if (!nativeName && writtenScript !== null && writtenScript !== 'latin') nativeName = full || composed;
    const displayName = display || full || composed || nativeName;
    // An "own-script" column that merely repeats the Latin name holds nothing of its own.
    const nativeScript = nativeName === native ? scriptOf(native) : writtenScript;
    if (native && (nativeScript === null || nativeScript === 'latin') && (family || given || display)) {
      if (nameKey({ familyName: '', givenName: '', displayName: native }) === nameKey({ familyName: family, givenName: given, displayName })) nativeName = '';
    }
    if (family || given || full) provided |= FIELD_BITS.familyName | FIELD_BITS.givenName;
    if (displayName) provided |= FIELD_BITS.displayName;
    if (nativeName) provided |= FIELD_BITS.nativeName | FIELD_BITS.nativeNameLang;

    const { text: categoryText, code } = category(rawAt(cells, at.category));
    let categoryCode = fallbackCategory;
    if (categoryText) {
      if (code) categoryCode = code;
      else problems = withProblem(problems, warning('unknown_category', row, at.category, categoryText));
      provided |= FIELD_BITS.categoryCode;
    }

    const spoken = languages(rawAt(cells, at.languages));
    for (const token of spoken.unknown) problems = withProblem(problems, warning('unknown_language', row, at.languages, token));
    if (spoken.codes.length) provided |= FIELD_BITS.languages;

    const email = cellAt(cells, at.email);
    if (email && !EMAIL.test(email)) problems = withProblem(problems, warning('bad_email', row, at.email, email));

    let delegation: string | null = delegationText(rawAt(cells, at.delegation)) || null;
    if (!delegation && mapping.delegationFromCountry && countryCode) delegation = delegationOfCountry(countryCode);
    if (delegation) provided |= FIELD_BITS.delegation;

    let notes = '';
    for (const i of notesColumns) {
      const value = cleanMultiline(cells[i]);
      if (!value) continue;
      const line = notesColumns.length > 1 ? `${context.headers[i] || 'Note'}: ${value}` : value;
      notes = notes ? `${notes}\n${line}` : line;
    }

    const candidate: ImportCandidate = {
      externalId: cellAt(cells, at.externalId) || null,
      title: cellAt(cells, at.title),
      familyName: family,
      givenName: given,
      nativeName,
      nativeNameLang: nativeName ? nativeNameLang(nativeName, countryCode, nativeScript) : null,
      displayName,
      organisation: cellAt(cells, at.organisation),
      position: cellAt(cells, at.position),
      country: countryCode,
      delegation,
      isHead: hasHead && isYes(rawAt(cells, at.head)),
      categoryCode,
      languages: spoken.codes,
      email,
      phone: cellAt(cells, at.phone),
      notes,
    };
    if (candidate.externalId) provided |= FIELD_BITS.externalId;
    // Spelled out rather than a loop over the names: a property read by a varying name costs
    // more, six times per row.
    if (candidate.title) provided |= FIELD_BITS.title;
    if (candidate.organisation) provided |= FIELD_BITS.organisation;
    if (candidate.position) provided |= FIELD_BITS.position;
    if (candidate.email) provided |= FIELD_BITS.email;
    if (candidate.phone) provided |= FIELD_BITS.phone;
    if (candidate.notes) provided |= FIELD_BITS.notes;
    if (hasHead) provided |= FIELD_BITS.isHead;
    let hasError = false;
    for (const p of problems) if (p.severity === 'error') hasError = true;
    // nameKey is set later (rowNameKey); present from the start, every row keeps one shape.
    return { row, candidate, provided, problems, hasError, nameKey: undefined };
  };
}
