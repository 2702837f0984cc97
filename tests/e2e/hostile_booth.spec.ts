import type { Election } from '../../electron/contract';
import { api, pairBooth, room, startRoomHost, stopRoomHost } from './experience_room_host';
import { expect, fontsReady, screenshot, test } from './fixtures';
import { expectInert, HOSTILE_ROUND, IMG_PAYLOAD, pageText, SCRIPT_PAYLOAD } from './support/hostile_people';

// Issue #10 at the booth: the kiosk is only for a paired booth tablet, so this runs on the
// experience room's own host with a LAN stand-in (as experience_room.spec.ts does). The booth
// shows no registration data, only the election definition: staff type its candidate, party
// and title texts in the editor, so those carry the hostile strings here.

test.beforeAll(startRoomHost);
test.afterAll(stopRoomHost);

const CANDIDATE = `${IMG_PAYLOAD} Candidate`;
const PARTY = `=HYPERLINK("http://x.invalid","Party") ${SCRIPT_PAYLOAD}`;
const BIDI_CANDIDATE = '\u202Eetadidnac\u202C Reversed \u200B\u200D';
const LONG_CANDIDATE = 'Wolfeschlegelsteinhausenbergerdorff'.repeat(6).slice(0, 200);
const TITLE = `@SUM(1+1) ${IMG_PAYLOAD} Election`;

test('the booth shows hostile candidate, party and election texts inertly, and the layout holds', async ({ page, browser, watch }) => {
  void watch;
  test.setTimeout(90_000);
  const request = page.request;
  const [demo] = await api<Array<{ id: number }>>(request, 'elections.list', {});
  const { election } = await api<{ election: Election }>(request, 'elections.get', { electionId: demo!.id });
  const definition = structuredClone(election.definition);
  definition.title = { en: TITLE };
  const options = definition.contests[0]!.options;
  options[0] = { ...options[0]!, name: { en: CANDIDATE }, party: { en: PARTY } };
  options[1] = { ...options[1]!, name: { en: BIDI_CANDIDATE } };
  options[2] = { ...options[2]!, name: { en: LONG_CANDIDATE }, party: { en: '+1 -1 😀👨‍👩‍👧' } };
  const saved = await api<{ saved: boolean; election: Election | null; problems: unknown[] }>(request, 'elections.save', { electionId: null, definition });
  expect(saved.saved, JSON.stringify(saved.problems)).toBe(true);
  const round = await api<{ round: { id: number } }>(request, 'voting.rounds.create', { electionId: saved.election!.id, label: HOSTILE_ROUND });
  await api(request, 'voting.rounds.open', { roundId: round.round.id });

  const { booth, errors, close } = await pairBooth(page, browser, 'Booth <b>1</b>');
  await page.goto(new URL('#/experience', room.adminUrl).toString());
  await page.getByTestId('room-tab-identity').click();
  await page.getByTestId('identity-field').fill('Sarah Mitchell');
  await expect(page.getByTestId('voter-card')).toContainText('Sarah Mitchell');
  await page.getByTestId('issue-ballot').click();
  await page.locator('[data-testid=assign-to][data-booth="Booth <b>1</b>"]').click();

  const paper = booth.getByTestId('paper-ballot');
  await expect(paper).toBeVisible();
  for (const text of [CANDIDATE, PARTY, BIDI_CANDIDATE, LONG_CANDIDATE]) {
    await expect.poll(() => pageText(booth), { message: text.slice(0, 40) }).toContain(text);
  }
  await fontsReady(booth);
  await screenshot(booth, 'hostile-booth-ballot');
  await expectInert(booth, 'booth');
  // Every candidate's row stays inside the paper ballot.
  const outside = await paper.evaluate((p) => {
    const box = p.getBoundingClientRect();
    return [...p.querySelectorAll<HTMLElement>('[data-testid=ballot-option]')].filter((o) => o.getBoundingClientRect().right > box.right + 1).length;
  });
  expect(outside).toBe(0);
  expect(errors, 'booth console errors').toEqual([]);

  // The devices screen lists the booth by the name staff typed, markup and all, as text.
  await page.goto(new URL('#/devices', room.adminUrl).toString());
  await expect.poll(() => pageText(page)).toContain('Booth <b>1</b>');
  await fontsReady(page);
  await screenshot(page, 'hostile-devices-paired');
  await expectInert(page, 'devices');
  await expect(page.locator('b', { hasText: /^1$/u })).toHaveCount(0);
  await close();
});
