import { listCategories, listDelegations, listParticipants } from '../../participants/participant_store';
import { withEvent, type FeatureHandlers, type HandlerContext } from './handler_kit';

/** People, delegations and categories of the open event. */
export function participantHandlers({ session }: HandlerContext): FeatureHandlers<'participants.list' | 'delegations.list' | 'categories.list'> {
  return {
    'participants.list': (input) => withEvent(session, (db) => listParticipants(db, input)),
    'delegations.list': () => withEvent(session, listDelegations),
    'categories.list': () => withEvent(session, listCategories),
  };
}
