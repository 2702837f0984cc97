import { listElections } from '../../elections/election_store';
import { listSessions } from '../../programme/session_store';
import { withEvent, type FeatureHandlers, type HandlerContext } from './handler_kit';

/** The programme and the mock elections of the open event. */
export function programmeHandlers({ session }: HandlerContext): FeatureHandlers<'sessions.list' | 'elections.list'> {
  return {
    'sessions.list': () => withEvent(session, listSessions),
    'elections.list': () => withEvent(session, listElections),
  };
}
