import { err, ok, type ELECTION_METHODS } from '../../../contract';
import { deleteElection, electionFingerprint, getElection, insertElection, listElections, updateElection } from '../../elections/election_store';
import { listTemplates, templateDefinition } from '../../elections/election_templates';
import { validateDefinition } from '../../elections/election_validation';
import { listSessions } from '../../programme/session_store';
import { electionUse } from '../../voting';
import { withEvent, type FeatureHandlers, type HandlerContext } from './handler_kit';

const NO_EVENT = 'No event is open. Open or create an event first.';
const NO_ELECTION = 'That election is not in this event any more. Refresh the list of elections.';

/** The programme and the mock elections of the open event (list, templates, the editor). */
export function programmeHandlers({ session }: HandlerContext): FeatureHandlers<'sessions.list' | keyof typeof ELECTION_METHODS> {
  const changed = () => session.bus.publish('data.changed', { scope: 'elections' });
  return {
    'sessions.list': () => withEvent(session, listSessions),
    'elections.list': () => withEvent(session, listElections),
    'elections.get': ({ electionId }) => {
      const db = session.current?.db;
      if (!db) return err('no_event', NO_EVENT);
      const election = getElection(db, electionId);
      return election ? ok({ election, ...electionUse(db, electionId) }) : err('not_found', NO_ELECTION);
    },
    'elections.templates': () => ok(listTemplates()),
    'elections.createFromTemplate': ({ templateId }) => {
      const db = session.current?.db;
      if (!db) return err('no_event', NO_EVENT);
      const definition = templateDefinition(templateId);
      if (!definition) return err('not_found', `There is no template "${templateId}". Choose one from the list.`);
      const id = insertElection(db, definition, new Date().toISOString());
      changed();
      return ok(getElection(db, id) as NonNullable<ReturnType<typeof getElection>>);
    },
    'elections.validate': ({ definition }) => {
      const checked = validateDefinition(definition);
      return ok({ problems: checked.problems, fingerprint: checked.definition ? electionFingerprint(checked.definition) : null });
    },
    'elections.save': ({ electionId, definition }) => {
      const db = session.current?.db;
      if (!db) return err('no_event', NO_EVENT);
      if (electionId !== null) {
        if (!getElection(db, electionId)) return err('not_found', NO_ELECTION);
        // Booths show the frozen definition of the open round; changing it under them would mislead.
        if (electionUse(db, electionId).openRound) return err('in_use', 'Polls are open with this election. Close the round before changing it.');
      }
      const checked = validateDefinition(definition);
      if (!checked.definition) return ok({ saved: false as const, election: null, problems: checked.problems });
      const id = electionId ?? insertElection(db, checked.definition, new Date().toISOString());
      if (electionId !== null) updateElection(db, electionId, checked.definition);
      changed();
      return ok({ saved: true as const, election: getElection(db, id) as NonNullable<ReturnType<typeof getElection>>, problems: checked.problems });
    },
    'elections.remove': ({ electionId }) => {
      const db = session.current?.db;
      if (!db) return err('no_event', NO_EVENT);
      if (!getElection(db, electionId)) return err('not_found', NO_ELECTION);
      const use = electionUse(db, electionId);
      if (use.rounds > 0) return err('in_use', `${use.rounds} round(s) used this election; their reports need it. It stays.`);
      deleteElection(db, electionId);
      changed();
      return ok({ removed: true as const });
    },
  };
}
