// The projector stage is recognised exactly (so the app draws it without the frame and its
// Alt+digit shortcuts), and nothing else is mistaken for it.
import { expect, test } from 'vitest';
import { isProjectorStage, parseRoute } from './routes';

test('only #/results/projector is the stage alone; the console, the remote and other screens keep the frame', () => {
  for (const hash of ['#/results/projector', '#results/projector', '#/results/projector?lang=ko']) expect(isProjectorStage(hash), hash).toBe(true);
  for (const hash of ['', '#/', '#/results', '#/results/remote', '#/participants', '#/projector', '#/settings/projector', '#/results/projectors']) {
    expect(isProjectorStage(hash), hash).toBe(false);
  }
  // Still the results screen for the route (and its role check).
  expect(parseRoute('#/results/projector')).toBe('results');
});
