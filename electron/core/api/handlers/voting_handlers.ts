import type { FeatureHandlers, HandlerContext } from './handler_kit';

/** Experience-room methods over the open event. */
export function votingHandlers(_context: HandlerContext): FeatureHandlers<never> {
  return {};
}
