import { ElectionDefinitionSchema, type Contest, type DefinitionProblem, type ElectionDefinition, type LocalizedText } from '../../contract';

/** Language names for messages ("has no Korean text"); codes not listed are shown as codes. */
const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  en: 'English', ko: 'Korean', fr: 'French', es: 'Spanish', ar: 'Arabic', ru: 'Russian', pt: 'Portuguese', zh: 'Chinese', ja: 'Japanese',
};

function languageName(code: string): string {
  return LANGUAGE_NAMES[code] ?? code;
}

/** How many marks a voter may make in a contest (ranked: how many preferences). */
export function votesAllowed(contest: Contest): number {
  switch (contest.type) {
    case 'plurality':
    case 'sntv':
    case 'yes_no':
    case 'party_list':
      return 1;
    case 'vote_for_n':
      return contest.votesAllowed ?? contest.seats;
    case 'ranked':
      return Math.min(contest.maxRanks ?? contest.options.length, contest.options.length);
    default:
      return assertNever(contest.type);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected value ${String(value)}`);
}

type Push = (severity: DefinitionProblem['severity'], path: string, message: string) => void;

/** Every enabled language should be written; a missing one falls back to English (a warning). */
function checkTexts(definition: ElectionDefinition, push: Push): void {
  const check = (text: LocalizedText | null, path: string, what: string) => {
    if (!text) return;
    for (const lang of definition.languages) {
      if (!text[lang]?.trim()) {
        push('warning', `${path}.${lang}`, `${what} has no ${languageName(lang)} text: screens in ${languageName(lang)} show the English "${text['en'] ?? ''}".`);
      }
    }
  };
  check(definition.title, 'title', 'The election title');
  definition.contests.forEach((contest, c) => {
    const where = `Contest "${contest.title['en'] ?? contest.id}"`;
    check(contest.title, `contests.${c}.title`, `${where}: its title`);
    check(contest.district, `contests.${c}.district`, `${where}: its district`);
    check(contest.question, `contests.${c}.question`, `${where}: its question`);
    contest.options.forEach((option, o) => {
      check(option.name, `contests.${c}.options.${o}.name`, `${where}: option ${option.symbol}'s name`);
      check(option.party, `contests.${c}.options.${o}.party`, `${where}: option ${option.symbol}'s party`);
    });
  });
}

/** The rules of one contest type, and symbol numbers unique in ballot order. */
function checkContest(contest: Contest, c: number, push: Push): void {
  const at = `contests.${c}`;
  const name = `Contest "${contest.title['en'] ?? contest.id}"`;
  const n = contest.options.length;
  const ids = new Set<string>();
  const symbols = new Map<number, number>();
  contest.options.forEach((option, o) => {
    if (ids.has(option.id)) push('error', `${at}.options.${o}.id`, `${name}: two options have the id "${option.id}". Give each its own.`);
    ids.add(option.id);
    const earlier = symbols.get(option.symbol);
    if (earlier !== undefined) {
      push('error', `${at}.options.${o}.symbol`, `${name}: symbol number ${option.symbol} is used twice (options ${earlier + 1} and ${o + 1}). Each option needs its own number.`);
    }
    symbols.set(option.symbol, o);
    const previous = contest.options[o - 1];
    if (previous && option.symbol < previous.symbol) {
      push('warning', `${at}.options.${o}.symbol`, `${name}: symbol ${option.symbol} comes after ${previous.symbol}. The ballot prints options in the order they are listed.`);
    }
  });
  const elects = contest.seats;
  switch (contest.type) {
    case 'plurality':
      if (elects !== 1) push('error', `${at}.seats`, `${name}: "vote for one" elects one. For ${elects} seats choose SNTV or "vote for up to N".`);
      break;
    case 'vote_for_n':
    case 'sntv':
      if (elects >= n) push('error', `${at}.seats`, `${name}: ${elects} seats need more than ${elects} candidates (there are ${n}).`);
      if (contest.type === 'vote_for_n' && contest.votesAllowed !== null && contest.votesAllowed > n) {
        push('error', `${at}.votesAllowed`, `${name}: voters cannot mark ${contest.votesAllowed} of ${n} candidates.`);
      }
      break;
    case 'yes_no':
      if (n !== 2) push('error', `${at}.options`, `${name}: a yes/no question has exactly two options (yes, then no); it has ${n}.`);
      if (elects !== 1) push('error', `${at}.seats`, `${name}: a yes/no question has one outcome: set seats to 1.`);
      if (!contest.question) push('warning', `${at}.question`, `${name}: there is no question; the booth shows only the title.`);
      break;
    case 'ranked':
      if (contest.rankedMethod === null) push('error', `${at}.rankedMethod`, `${name}: choose how preferences are counted: instant runoff (one seat) or STV.`);
      if (contest.rankedMethod === 'irv' && elects !== 1) push('error', `${at}.seats`, `${name}: instant runoff elects one; for ${elects} seats choose STV.`);
      if (elects >= n) push('error', `${at}.seats`, `${name}: ${elects} seats need more than ${elects} candidates (there are ${n}).`);
      if (n < 2) push('error', `${at}.options`, `${name}: a ranked contest needs at least two candidates.`);
      if (contest.maxRanks !== null && contest.maxRanks > n) push('warning', `${at}.maxRanks`, `${name}: ${contest.maxRanks} preferences allowed but only ${n} candidates; the booth allows ${n}.`);
      break;
    case 'party_list':
      if (contest.allocation === null) push('error', `${at}.allocation`, `${name}: choose a seat-allocation method for the party list.`);
      if (contest.allocation?.method === 'kr_semi_linked_mmp' && contest.allocation.assemblySize === null) {
        push('error', `${at}.allocation.assemblySize`, `${name}: semi-linked MMP needs the size of the whole assembly (300 in Korea).`);
      }
      if (contest.allocation && contest.allocation.assemblySize !== null && contest.allocation.assemblySize < elects) {
        push('error', `${at}.allocation.assemblySize`, `${name}: the assembly (${contest.allocation.assemblySize}) is smaller than the list seats (${elects}).`);
      }
      break;
    default:
      assertNever(contest.type);
  }
  if (contest.type !== 'vote_for_n' && contest.votesAllowed !== null) push('warning', `${at}.votesAllowed`, `${name}: "votes allowed" applies only to "vote for up to N" and is ignored.`);
  if (contest.type !== 'ranked' && (contest.rankedMethod !== null || contest.maxRanks !== null)) push('warning', `${at}.rankedMethod`, `${name}: ranking settings apply only to ranked contests and are ignored.`);
  if (contest.type !== 'party_list' && contest.allocation !== null) push('warning', `${at}.allocation`, `${name}: seat allocation applies only to party lists and is ignored.`);
}

/**
 * Checks a definition as the editor has it and lists every problem (never throws): the
 * schema's complaints first, then the rules a schema cannot say. `definition` is the parsed
 * definition when there are no errors.
 */
export function validateDefinition(raw: unknown): { problems: DefinitionProblem[]; definition: ElectionDefinition | null } {
  const parsed = ElectionDefinitionSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.slice(0, 50).map((issue) => ({ severity: 'error' as const, path: issue.path.map(String).join('.'), message: issue.message })),
      definition: null,
    };
  }
  const definition = parsed.data;
  const problems: DefinitionProblem[] = [];
  const push: Push = (severity, path, message) => {
    problems.push({ severity, path, message });
  };
  const contestIds = new Set<string>();
  definition.contests.forEach((contest, c) => {
    if (contestIds.has(contest.id)) push('error', `contests.${c}.id`, `Two contests have the id "${contest.id}". Give each its own.`);
    contestIds.add(contest.id);
    checkContest(contest, c, push);
  });
  if (new Set(definition.languages).size !== definition.languages.length) push('warning', 'languages', 'A language is listed twice.');
  checkTexts(definition, push);
  problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return { problems, definition: problems.some((p) => p.severity === 'error') ? null : definition };
}
