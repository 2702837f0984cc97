/**
 * Election definitions: contests with their rules, candidates and parties with symbol numbers
 * (기호) and names in several languages and scripts, ballot paper colours, templates and the
 * editor's validation. Every field added after the first version has a default, so an election
 * stored before it still reads back (the election table's JSON is re-validated on every read).
 */
import { z } from 'zod';
import { defineMethod } from '../basics/method';
import { STAFF_ROLES, type CallerRole } from '../basics/roles';
import { ColourSchema, LanguageCodeSchema, LocalizedTextSchema, RowIdSchema } from '../basics/primitives';

/**
 * How a contest is marked and counted:
 * - `plurality`: vote for one; the most votes win (`seats` winners).
 * - `vote_for_n`: vote for up to `votesAllowed` (default: `seats`); the top `seats` win.
 * - `sntv`: single non-transferable vote: one mark, the top `seats` win (Korean municipal wards).
 * - `yes_no`: a referendum question; exactly two options, yes first.
 * - `ranked`: number the options in order of preference; counted by `rankedMethod` (IRV/STV).
 * - `party_list`: the options are parties; seats are allocated by `allocation`.
 */
export const ContestTypeSchema = z.enum(['plurality', 'vote_for_n', 'sntv', 'yes_no', 'ranked', 'party_list']);
export type ContestType = z.infer<typeof ContestTypeSchema>;

/** Seat-allocation methods for party-list contests (the count engine implements them). */
export const AllocationMethodSchema = z.enum([
  'largest_remainder_hare',
  'dhondt',
  'sainte_lague',
  'sainte_lague_modified',
  'kr_semi_linked_mmp',
]);
export type AllocationMethod = z.infer<typeof AllocationMethodSchema>;

export const AllocationSchema = z.object({
  method: AllocationMethodSchema,
  /** Parties below this share of the valid votes get no seats (Korea: 3 % NA, 5 % local). */
  thresholdPct: z.number().min(0).max(100).default(0),
  /** Alternative threshold: parties with at least this many district seats qualify (Korea NA: 5). */
  thresholdDistrictSeats: z.number().int().positive().nullable().default(null),
  /** For semi-linked MMP: the whole assembly (Korea: 300). */
  assemblySize: z.number().int().positive().nullable().default(null),
});
export type Allocation = z.infer<typeof AllocationSchema>;

export const RankedMethodSchema = z.enum(['irv', 'stv']);

const IdSchema = z.string().regex(/^[a-z0-9-]{1,40}$/u, 'must be 1–40 characters of a–z, 0–9 and -');

/** A small picture inside the definition: a candidate's photo or a party's emblem. */
export const BallotImageSchema = z
  .string()
  .max(250_000)
  .regex(/^data:image\/(png|jpeg|webp|svg\+xml);base64,[A-Za-z0-9+/=]+$/u, 'must be a PNG, JPEG, WebP or SVG data URL');

export const BallotOptionSchema = z.object({
  id: IdSchema,
  /** Symbol number printed on the ballot (기호); ballot order follows the definition. */
  symbol: z.number().int().positive(),
  /** The candidate's name, the party's name (party list), or the answer (yes/no). */
  name: LocalizedTextSchema,
  /** The party column of a candidate's row; null for an independent or a party-list row. */
  party: LocalizedTextSchema.nullable(),
  /** Links a candidate to its party across contests (semi-linked MMP counts district seats). */
  partyId: IdSchema.nullable().default(null),
  colour: ColourSchema,
  /** A candidate's photo or a party's emblem; null shows the colour only. */
  image: BallotImageSchema.nullable().default(null),
});
export type BallotOption = z.infer<typeof BallotOptionSchema>;

export const ContestSchema = z.object({
  id: IdSchema,
  title: LocalizedTextSchema,
  type: ContestTypeSchema,
  /** How many are elected (1 for a president; 2–4 for an SNTV ward; 46 for the PR list). */
  seats: z.number().int().min(1),
  /** For `vote_for_n`: how many marks a voter may make (default: `seats`). */
  votesAllowed: z.number().int().min(1).nullable().default(null),
  /** For `ranked`: how many preferences a voter may give (default: every option). */
  maxRanks: z.number().int().min(1).nullable().default(null),
  /** For `ranked`: instant-runoff (one seat) or single transferable vote (several). */
  rankedMethod: RankedMethodSchema.nullable().default(null),
  /** For `party_list`: the seat-allocation method and threshold. */
  allocation: AllocationSchema.nullable().default(null),
  /** The district or constituency printed on the ballot ("Jongno-gu"), if any. */
  district: LocalizedTextSchema.nullable().default(null),
  /** For `yes_no`: the question put to the voters. */
  question: LocalizedTextSchema.nullable().default(null),
  /** Paper colour: Korean ballots differ by colour per contest. */
  ballotColour: ColourSchema,
  /**
   * Demonstrate invalid ballots: the booth lets a voter leave this contest blank or mark too
   * many (the count later sorts such papers as invalid). Off: overvotes are refused.
   */
  demonstrateInvalid: z.boolean().default(false),
  options: z.array(BallotOptionSchema).min(1).max(60),
});
export type Contest = z.infer<typeof ContestSchema>;

/** An election as defined; stored as JSON and validated again whenever it is read back. */
export const ElectionDefinitionSchema = z.object({
  title: LocalizedTextSchema,
  /** The host-country process it follows, e.g. 'kr-presidential'. */
  template: z.string().max(60),
  /**
   * Languages the definition is written in. Booth text in another language falls back to
   * English for names (every text has English); the editor warns about each missing one.
   */
  languages: z.array(LanguageCodeSchema).min(1).max(20).default(['en', 'ko']),
  contests: z.array(ContestSchema).min(1).max(12),
});
export type ElectionDefinition = z.infer<typeof ElectionDefinitionSchema>;
/** A definition as written by hand (fields with defaults may be left out). */
export type ElectionDefinitionInput = z.input<typeof ElectionDefinitionSchema>;

export const ElectionSchema = z.object({
  id: RowIdSchema,
  definition: ElectionDefinitionSchema,
  /** SHA-256 of the canonical definition, shown on reports as real systems do. */
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/u),
});
export type Election = z.infer<typeof ElectionSchema>;

/**
 * One thing the editor found. `error`: the definition cannot be saved (duplicate symbol
 * numbers, a yes/no contest without two options…). `warning`: it can, but a screen will fall
 * back (a name missing in an enabled language shows in English).
 */
export const DefinitionProblemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  /** Where: 'contests.0.options.2.name.ko' (the editor highlights that field). */
  path: z.string(),
  message: z.string(),
});
export type DefinitionProblem = z.infer<typeof DefinitionProblemSchema>;

export const ElectionTemplateSchema = z.object({
  id: z.string(),
  title: LocalizedTextSchema,
  description: LocalizedTextSchema,
  contestCount: z.number().int().positive(),
});
export type ElectionTemplate = z.infer<typeof ElectionTemplateSchema>;

/** Who edits elections: the host's own window and presenters. */
export const ELECTION_EDIT_ROLES: readonly CallerRole[] = ['admin', 'presenter'];

export const electionsList = defineMethod({
  summary: 'The mock elections defined for the open event.',
  input: z.object({}),
  output: z.array(ElectionSchema),
  errors: ['no_event'],
  roles: [...STAFF_ROLES, 'projector'],
});

export const electionsGet = defineMethod({
  summary: 'One election, with whether rounds use it (an election in an open round cannot change).',
  input: z.object({ electionId: RowIdSchema }),
  output: z.object({ election: ElectionSchema, rounds: z.number().int().nonnegative(), openRound: z.boolean() }),
  errors: ['no_event', 'not_found'],
  roles: [...STAFF_ROLES, 'projector'],
});

export const electionsTemplates = defineMethod({
  summary: 'The ready-made elections (Korean presidential, National Assembly, local, referendum, ranked mayor).',
  input: z.object({}),
  output: z.array(ElectionTemplateSchema),
  errors: [],
  roles: ELECTION_EDIT_ROLES,
});

export const electionsCreateFromTemplate = defineMethod({
  summary: 'Adds an election to the event from a template (its made-up candidates can then be edited).',
  input: z.object({ templateId: z.string().max(60) }),
  output: ElectionSchema,
  errors: ['no_event', 'not_found'],
  roles: ELECTION_EDIT_ROLES,
});

export const electionsValidate = defineMethod({
  summary: "Checks a definition as the editor has it and lists every problem; nothing is saved.",
  // The raw object: the editor shows zod's own complaints as problems too.
  input: z.object({ definition: z.unknown() }),
  output: z.object({ problems: z.array(DefinitionProblemSchema), fingerprint: z.string().nullable() }),
  errors: [],
  roles: ELECTION_EDIT_ROLES,
});

export const electionsSave = defineMethod({
  summary: 'Saves an edited definition (new when electionId is null) if it has no errors; otherwise lists them.',
  input: z.object({ electionId: RowIdSchema.nullable(), definition: z.unknown() }),
  output: z.discriminatedUnion('saved', [
    z.object({ saved: z.literal(true), election: ElectionSchema, problems: z.array(DefinitionProblemSchema) }),
    z.object({ saved: z.literal(false), election: z.null(), problems: z.array(DefinitionProblemSchema) }),
  ]),
  errors: ['no_event', 'not_found', 'in_use'],
  roles: ELECTION_EDIT_ROLES,
});

export const electionsRemove = defineMethod({
  summary: 'Removes an election that no round has used.',
  input: z.object({ electionId: RowIdSchema }),
  output: z.object({ removed: z.literal(true) }),
  errors: ['no_event', 'not_found', 'in_use'],
  roles: ELECTION_EDIT_ROLES,
});

/** The election methods, keyed by their API names. */
export const ELECTION_METHODS = {
  'elections.list': electionsList,
  'elections.get': electionsGet,
  'elections.templates': electionsTemplates,
  'elections.createFromTemplate': electionsCreateFromTemplate,
  'elections.validate': electionsValidate,
  'elections.save': electionsSave,
  'elections.remove': electionsRemove,
} as const;
