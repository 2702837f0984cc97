/**
 * Re-import: which row is which person already in the event. A row is matched by its external
 * id; failing that by e-mail, then by name + organisation, but never to someone holding a
 * different external id (that is another registration, flagged as a likely duplicate
 * instead). A row only changes the fields it has values for; empty cells keep what is there.
 */
import type { Db } from '../db/connection';
import { provides, rowNameKey, type BuiltRow, type CandidateField, type ImportCandidate } from './build_rows';
import type { RawProblem } from './read_table';
import { nameKey } from './name_key';
import { foldText } from './text_fold';

/** A participant as the import compares it. */
export interface ExistingPerson extends Omit<ImportCandidate, 'isHead'> {
  readonly id: number;
  /** Whether they head their delegation now. */
  readonly isHead: boolean;
  readonly status: 'registered' | 'cancelled';
  readonly delegationId: number | null;
}

export type RowOutcome = 'add' | 'update' | 'unchanged' | 'skip';

export interface PlannedRow {
  readonly built: BuiltRow;
  outcome: RowOutcome;
  readonly existing: ExistingPerson | null;
  /** The fields that change on the existing person. */
  readonly changes: CandidateField[];
  /** Problems found by matching (two rows for one person); the row's own stay on `built`. */
  readonly problems: RawProblem[];
}

/** Reads every participant of the event, with the delegation's name. */
export function loadExisting(db: Db): ExistingPerson[] {
  const rows = db
    .prepare(
      `SELECT p.id, p.external_id AS externalId, p.title, p.family_name AS familyName, p.given_name AS givenName,
         p.native_name AS nativeName, p.native_name_lang AS nativeNameLang, p.display_name AS displayName,
         p.organisation, p.position, p.country, p.delegation_id AS delegationId, d.name AS delegation,
         p.category_code AS categoryCode, p.languages_json AS languagesJson, p.email, p.phone, p.notes, p.status,
         coalesce(d.head_participant_id = p.id, 0) AS head
       FROM participant p LEFT JOIN delegation d ON d.id = p.delegation_id`,
    )
    .all() as Array<Omit<ExistingPerson, 'languages' | 'isHead'> & { languagesJson: string; head: number }>;
  return rows.map(({ languagesJson, head, ...r }) => ({ ...r, isHead: head === 1, languages: JSON.parse(languagesJson) as string[] }));
}

const COMPARED: readonly CandidateField[] = [
  'externalId', 'title', 'familyName', 'givenName', 'nativeName', 'nativeNameLang', 'displayName', 'organisation',
  'position', 'country', 'delegation', 'categoryCode', 'languages', 'email', 'phone', 'notes',
];

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  return (a ?? null) === (b ?? null);
}

function changedFields(row: BuiltRow, existing: ExistingPerson): CandidateField[] {
  const c = row.candidate!;
  // A file can make someone head of their delegation; it never un-makes one (that is done in
  // the delegations view), so only a new "yes" counts as a change.
  const head: CandidateField[] = provides(row, 'isHead') && c.isHead && !existing.isHead ? ['isHead'] : [];
  return [...head, ...COMPARED.filter((f) => {
    if (!provides(row, f)) return false;
    if (f === 'delegation') return foldText(c.delegation ?? '') !== foldText(existing.delegation ?? '');
    return !same(c[f as keyof ImportCandidate], existing[f as keyof ExistingPerson]);
  })];
}

interface Index {
  byExternal: Map<string, ExistingPerson>;
  byEmail: Map<string, ExistingPerson[]>;
  byNameOrg: Map<string, ExistingPerson[]> | null;
}

// Rows added or skipped change no fields and have no matching problem: they share these
// frozen empty lists (100,000 rows would otherwise hold 200,000 empty arrays).
const NO_CHANGES: CandidateField[] = Object.freeze([]) as unknown as CandidateField[];
const NO_PROBLEMS: RawProblem[] = Object.freeze([]) as unknown as RawProblem[];

function push(map: Map<string, ExistingPerson[]>, key: string, p: ExistingPerson): void {
  const list = map.get(key);
  if (list) list.push(p);
  else map.set(key, [p]);
}

/** Decides add / update / unchanged / skip for every row; rows with errors are skipped. */
export function planRows(rows: readonly BuiltRow[], existing: readonly ExistingPerson[]): PlannedRow[] {
  return createPlanner(existing)(rows);
}

/**
 * The same decisions a chunk of rows at a time, in file order: a later row claiming a person
 * an earlier chunk already claimed is reported on the later row, as in one pass.
 */
export function createPlanner(existing: readonly ExistingPerson[]): (rows: readonly BuiltRow[]) => PlannedRow[] {
  const index: Index = { byExternal: new Map(), byEmail: new Map(), byNameOrg: null };
  for (const p of existing) {
    if (p.externalId) index.byExternal.set(p.externalId, p);
    if (p.email) push(index.byEmail, p.email.toLowerCase(), p);
  }
  const claimedBy = new Map<number, number>();
  const nameOrg = (): Map<string, ExistingPerson[]> => {
    if (index.byNameOrg) return index.byNameOrg;
    index.byNameOrg = new Map();
    for (const p of existing) push(index.byNameOrg, `${nameKey(p)}|${foldOrg(p.organisation)}`, p);
    return index.byNameOrg;
  };
  // A new event: every readable row is someone new, no lookups needed.
  if (existing.length === 0) {
    return (rows) => rows.map((built) => ({ built, outcome: built.candidate && !built.hasError ? 'add' : 'skip', existing: null, changes: NO_CHANGES, problems: NO_PROBLEMS }));
  }
  const orgKey = new Map<string, string>();
  const foldOrg = (org: string) => {
    let hit = orgKey.get(org);
    if (hit === undefined) orgKey.set(org, (hit = foldText(org)));
    return hit;
  };
  return (rows) => rows.map((built): PlannedRow => {
    const c = built.candidate;
    if (!c || built.hasError) return { built, outcome: 'skip', existing: null, changes: NO_CHANGES, problems: NO_PROBLEMS };
    const compatible = (p: ExistingPerson) => !p.externalId || !c.externalId || p.externalId === c.externalId;
    const unique = (list: ExistingPerson[] | undefined) => {
      const fits = (list ?? []).filter(compatible);
      return fits.length === 1 ? fits[0]! : null;
    };
    let match: ExistingPerson | null = c.externalId ? (index.byExternal.get(c.externalId) ?? null) : null;
    let how = 'same id';
    if (!match && c.email) [match, how] = [unique(index.byEmail.get(c.email.toLowerCase())), 'same e-mail'];
    if (!match) [match, how] = [unique(nameOrg().get(`${rowNameKey(built)}|${foldOrg(c.organisation)}`)), 'same name and organisation'];
    if (!match) return { built, outcome: 'add', existing: null, changes: NO_CHANGES, problems: NO_PROBLEMS };
    const earlier = claimedBy.get(match.id);
    if (earlier !== undefined) {
      const problem: RawProblem = { code: 'same_person_twice', severity: 'error', row: built.row, columnIndex: null, value: null, otherRow: earlier, detail: how };
      return { built, outcome: 'skip', existing: null, changes: [], problems: [problem] };
    }
    claimedBy.set(match.id, built.row);
    const changes = changedFields(built, match);
    const restored = match.status === 'cancelled';
    return { built, outcome: changes.length || restored ? 'update' : 'unchanged', existing: match, changes, problems: NO_PROBLEMS };
  });
}

/** A person an import may report as missing from the file. */
export interface LinkedPerson {
  readonly id: number;
  readonly externalId: string | null;
  readonly displayName: string;
  readonly organisation: string;
}

/** Registered people last imported from this source who are not in the file any more. */
export function findMissing(db: Db, source: string, planned: readonly PlannedRow[]): LinkedPerson[] {
  return missingFrom(linkedToSource(db, source), planned);
}

/** Registered people last imported from this source (read before an import writes anything). */
export function linkedToSource(db: Db, source: string): LinkedPerson[] {
  // The source's batches are few; one scan of the participants finds who was last in one.
  return db
    .prepare(
      `SELECT p.id, p.external_id AS externalId, p.display_name AS displayName, p.organisation
       FROM participant p
       WHERE p.import_batch_id IN (SELECT id FROM import_batch WHERE source = ?) AND p.status = 'registered'
       ORDER BY p.display_name`,
    )
    .all(source) as LinkedPerson[];
}

/** Those of `linked` no planned row matched. */
export function missingFrom(linked: readonly LinkedPerson[], planned: readonly PlannedRow[]): LinkedPerson[] {
  const present = new Set(planned.map((p) => p.existing?.id).filter((id): id is number => id !== undefined));
  return linked.filter((p) => !present.has(p.id));
}
