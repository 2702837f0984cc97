import { err, ok, type ElectionDefinition, type Result, type Selections } from '../../contract';
import { votesAllowed } from '../elections/election_validation';
import type { Paper } from './ballot_box';

/**
 * Checks a cast against the ballot, whatever the client sent: every contest is one of the
 * ballot's, every option is on that contest's ballot, no option twice, and no more marks than
 * allowed unless the contest demonstrates invalid ballots. A contest left out is a blank paper
 * (an undervote is the voter's right; the booth warns about it). The message names the
 * contest and the rule, never the marks.
 */
export function checkSelections(definition: ElectionDefinition, selections: Selections): Result<Paper[], 'invalid_selection'> {
  const contests = new Map(definition.contests.map((c) => [c.id, c]));
  for (const contestId of Object.keys(selections)) {
    if (!contests.has(contestId)) return err('invalid_selection', 'The ballot sent has a contest this election does not have. Start the ballot again.');
  }
  const papers: Paper[] = [];
  for (const contest of definition.contests) {
    const marks = selections[contest.id] ?? [];
    const title = contest.title['en'] ?? contest.id;
    const options = new Set(contest.options.map((o) => o.id));
    if (marks.some((m) => !options.has(m))) return err('invalid_selection', `${title}: a mark is not on this ballot. Start the ballot again.`);
    if (new Set(marks).size !== marks.length) return err('invalid_selection', `${title}: the same option is marked twice.`);
    const allowed = votesAllowed(contest);
    const overvoteAllowed = contest.demonstrateInvalid && contest.type !== 'ranked';
    if (marks.length > allowed && !overvoteAllowed) {
      return err('invalid_selection', contest.type === 'ranked' ? `${title}: at most ${allowed} preferences may be given.` : `${title}: at most ${allowed} may be marked.`);
    }
    papers.push({ contestId: contest.id, selections: [...marks] });
  }
  return ok(papers);
}
