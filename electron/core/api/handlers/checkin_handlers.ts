import type { FeatureHandlers, HandlerContext } from './handler_kit';

/** Check-in methods over the open event. */
export function checkinHandlers(_context: HandlerContext): FeatureHandlers<never> {
  return {};
}
