import { call, api, expectAccessible, pairBooth, room, startRoomHost, stopRoomHost } from './experience_room_host';
import { expect, fontsReady, screenshot, test } from './fixtures';

// The second and third tests pick up the room the first one left.
test.describe.configure({ mode: 'serial' });

/** Omar Al-Khatib's printed badge (the first test prints it; the last scans it at a booth). */
let omarCode = '';

test.beforeAll(startRoomHost);
test.afterAll(stopRoomHost);

test('a checked-in delegate is identified by badge, votes at a paired booth in Arabic and Korean, and cannot get a second ballot', async ({ page, watch, browser }) => {
  void watch;
  test.setTimeout(120_000);
  const request = page.request;

  // A real, printed badge of Omar Al-Khatib (his languages: Arabic, English), checked in at the desk.
  const people = await api<{ items: Array<{ id: number; displayName: string }> }>(request, 'participants.list', { query: 'Omar Al-Khatib', limit: 5 });
  const omar = people.items.find((p) => p.displayName === 'Omar Al-Khatib');
  expect(omar).toBeDefined();
  const omarId = omar?.id ?? 0;
  const preview = await api<{ items: Array<{ code: string }> }>(request, 'badges.preview', { participantIds: [omarId] });
  const code = preview.items[0]?.code ?? '';
  expect(code).toMatch(/^DD1[A-Z2-7]{100,}$/u);
  omarCode = code;
  const job = await api<{ jobId: string }>(request, 'badges.printStart', { filter: { participantIds: [omarId] }, template: 'a6', output: 'pdf' });
  await expect.poll(async () => (await api<{ state: string }>(request, 'badges.printStatus', { jobId: job.jobId })).state, { timeout: 60_000 }).toBe('done');
  const checkin = await call(request, 'checkin.scan', { code, source: 'scanner', operator: 'e2e', clientScanId: 'e2e-room-checkin-1' });
  // Only checked-in voters when check-in exists in this build; everyone registered otherwise.
  const eligibility = checkin.ok ? 'checked_in' : 'registered';

  // Pair a second browser as "Booth 1".
  const { booth, errors: boothErrors, close } = await pairBooth(page, browser, 'Booth 1');

  // The presenter opens a round: the zero report shows an empty box and the definition's fingerprint.
  await page.goto(new URL('#/experience', room.adminUrl).toString());
  await page.getByTestId('round-label').fill('Jamaica delegation, 14:00');
  await page.getByTestId('round-eligibility').selectOption(eligibility);
  await page.getByTestId('round-create').click();
  await page.getByTestId('round-open').click();
  const opening = page.getByTestId('report-opening');
  await expect(opening).toBeVisible();
  await expect(opening.getByTestId('report-fingerprint')).toHaveText(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/u);
  for (const papers of await opening.getByTestId('box-papers').allTextContents()) expect(papers).toBe('0');
  await expect(page.getByTestId('integrity')).toHaveAttribute('data-balanced', 'true');
  await expect(page.getByTestId('turnout')).toHaveAttribute('data-cast', '0');
  await expect(page.locator('[data-testid=booth-tile][data-booth="Booth 1"]')).toHaveAttribute('data-state', 'free');

  // Identity station: the scanner types the badge and Enter.
  await page.getByTestId('room-tab-identity').click();
  const field = page.getByTestId('identity-field');
  await expect(field).toBeFocused();
  await page.getByTestId('station-name').fill('Station 1');
  await field.fill(code);
  await field.press('Enter');
  const card = page.getByTestId('voter-card');
  await expect(card).toContainText('Omar Al-Khatib');
  await expect(card).toContainText('عمر الخطيب');
  await expect(card).toContainText('Jordan');
  await expect(page.getByTestId('badge-verified')).toBeVisible();
  await fontsReady(page);
  await expectAccessible(page, 'identity station');
  await screenshot(page, 'room-identity-station');
  await page.getByTestId('issue-ballot').click();
  await expect(page.getByTestId('issued-ok')).toContainText('Station 1');
  await page.locator('[data-testid=assign-to][data-booth="Booth 1"]').click();

  // The booth shows the ballot in his language: Arabic, right to left.
  const paper = booth.getByTestId('paper-ballot');
  await expect(paper).toBeVisible();
  await expect(booth.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(booth.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(booth.getByTestId('contest-rule')).toHaveText('ضع علامة واحدة فقط');
  await expect(paper).toContainText('حزب البحر الأزرق');
  // The number column sits at the right edge in Arabic (the paper mirrors with the language).
  const row = booth.getByTestId('ballot-option').first();
  const [rowBox, symbolBox] = [await row.boundingBox(), await row.locator('.paper-symbol').boundingBox()];
  expect((symbolBox?.x ?? 0) + (symbolBox?.width ?? 0)).toBeGreaterThan((rowBox?.x ?? 0) + (rowBox?.width ?? 0) - 8);
  await fontsReady(booth);
  await expectAccessible(booth, 'booth ballot (Arabic)');
  await screenshot(booth, 'booth-ballot-ar');

  // Russian, Chinese (no Chinese names in this definition: English names stand in), then
  // Korean, each chosen by its name in its own script; every touch target at least 48 px.
  await booth.getByTestId('booth-language').click();
  await booth.getByTestId('language-ru').click();
  await expect(booth.getByTestId('contest-rule')).toHaveText('Поставьте одну отметку');
  await expect(paper).toContainText('Партия «Синее море»');
  await fontsReady(booth);
  await screenshot(booth, 'booth-ballot-ru');
  await booth.getByTestId('booth-language').click();
  await booth.getByTestId('language-zh').click();
  await expect(booth.getByTestId('contest-rule')).toHaveText('只能圈选一项');
  await expect(paper).toContainText('Blue Sea Party');
  await booth.getByTestId('booth-language').click();
  await expect(booth.getByTestId('language-panel')).toContainText('日本語');
  await booth.getByTestId('language-ko').click();
  await expect(booth.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(booth.getByTestId('contest-rule')).toHaveText('한 곳에만 기표하십시오');
  await expect(paper).toContainText('오세린');
  for (const box of await booth.locator('button').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)))) {
    expect(box).toBeGreaterThanOrEqual(48);
  }

  // Marking: a stamp on release; a second mark in a vote-for-one contest is refused, never swapped.
  const ohSerin = booth.locator('[data-testid=ballot-option][data-option="oh-serin"]');
  await ohSerin.click();
  await expect(ohSerin).toHaveAttribute('aria-pressed', 'true');
  await expect(ohSerin.locator('.stamp-mark')).toBeVisible();
  const other = booth.locator('[data-testid=ballot-option][data-option="han-doyoon"]');
  await other.click();
  await expect(booth.getByTestId('overvote-message')).toContainText('한 곳에만 기표할 수 있습니다');
  await expect(other).toHaveAttribute('aria-pressed', 'false');
  await expect(ohSerin).toHaveAttribute('aria-pressed', 'true');
  await fontsReady(booth);
  await screenshot(booth, 'booth-ballot-ko');

  // Display settings for this voter: extra-large text, high contrast; the marks stay.
  await booth.getByTestId('booth-display').click();
  await booth.getByTestId('size-XL').click();
  await booth.getByTestId('contrast-dark').click();
  await booth.getByTestId('display-panel').getByRole('button', { name: '완료' }).click();
  await expect(booth.getByTestId('kiosk')).toHaveAttribute('data-size', 'XL');
  await expect(booth.getByTestId('kiosk')).toHaveAttribute('data-contrast', 'dark');
  await expect(ohSerin).toHaveAttribute('aria-pressed', 'true');
  await expectAccessible(booth, 'booth ballot (Korean, XL, high contrast)');
  await screenshot(booth, 'booth-ballot-ko-xl-dark');

  // Review, change from the review, cast.
  await booth.getByTestId('to-review').click();
  await expect(booth.getByTestId('review-contest')).toHaveAttribute('data-status', 'complete');
  await expect(booth.getByTestId('review-mark')).toContainText('오세린');
  await booth.getByTestId('review-change').click();
  await expect(ohSerin).toHaveAttribute('aria-pressed', 'true');
  await booth.getByTestId('back-to-review').click();
  await expectAccessible(booth, 'booth review (Korean)');
  await screenshot(booth, 'booth-review-ko');
  await booth.getByTestId('cast-ballot').click();
  await expect(booth.getByTestId('booth-done')).toContainText('투표지가 투표함에 들어갔습니다');

  // Turnout goes up by one; the books balance.
  await page.getByTestId('room-tab-room').click();
  await expect(page.getByTestId('turnout')).toHaveAttribute('data-cast', '1');
  await expect(page.getByTestId('figure-issued')).toContainText('1');
  await expect(page.getByTestId('figure-cast')).toContainText('1');
  await expect(page.getByTestId('integrity')).toHaveAttribute('data-balanced', 'true');
  await expect(page.locator('[data-testid=issuance-row]')).toHaveAttribute('data-status', 'cast');
  await fontsReady(page);
  await screenshot(page, 'room-presenter');

  // A second issue for the same delegate is refused, with when and where.
  await page.getByTestId('room-tab-identity').click();
  await page.getByTestId('identity-field').fill(code);
  await page.getByTestId('identity-field').press('Enter');
  await expect(page.getByTestId('voter-refusal')).toContainText(/already received a ballot.* at \d{1,2}:\d{2} at Station 1/u);
  await expect(page.getByTestId('issue-ballot')).toHaveCount(0);
  const rounds = await api<Array<{ round: { id: number; status: string } }>>(request, 'voting.rounds.list', {});
  const open = rounds.find((r) => r.round.status === 'open');
  const again = await call(request, 'voting.issue', { roundId: open?.round.id ?? 0, participantId: omarId });
  expect(again.ok ? 'issued' : again.error.code).toBe('already_issued');

  // The booth resets for the next voter: idle, in its default language.
  await booth.getByTestId('booth-finish').click();
  await expect(booth.getByTestId('booth-idle')).toBeVisible();
  await expect(booth.locator('html')).toHaveAttribute('lang', 'en');
  await expect(booth.getByTestId('kiosk')).toHaveAttribute('data-size', 'M');
  await expect(booth.getByTestId('kiosk')).toHaveAttribute('data-contrast', 'standard');
  await expectAccessible(booth, 'booth idle');
  expect(boothErrors, 'console errors on the booth').toEqual([]);
  await close();
});

test('the presenter closes and archives the round, edits a template with problems shown inline, tells two namesakes apart, and cancels and reissues a spoiled ballot', async ({ page, watch }) => {
  void watch;
  test.setTimeout(90_000);
  const request = page.request;

  // Close the first group's round: the closing report carries the same fingerprint; archive it.
  await page.goto(new URL('#/experience', room.adminUrl).toString());
  const fingerprint = await page.getByTestId('report-opening').getByTestId('report-fingerprint').textContent();
  await page.getByTestId('round-close').click();
  await page.getByTestId('round-close-confirm').click();
  await expect(page.getByTestId('report-closing').getByTestId('report-fingerprint')).toHaveText(fingerprint ?? '');
  await page.getByTestId('round-archive').click();
  await expect(page.getByTestId('past-round')).toHaveCount(1);
  await expect(page.getByTestId('past-round')).toContainText('Jamaica delegation, 14:00');

  // A National Assembly template, edited: a duplicate symbol number is an inline error that blocks saving.
  await page.getByTestId('room-tab-elections').click();
  await page.locator('[data-testid=template][data-template="kr-national-assembly"]').click();
  const editor = page.getByTestId('definition-editor');
  await expect(editor).toBeVisible();
  await expect(page.getByTestId('editor-summary')).toHaveText('No problems: ready to save.');
  const firstContest = editor.getByTestId('contest-editor').first();
  const symbols = firstContest.getByTestId('option-symbol');
  await symbols.nth(1).fill('1');
  await expect(firstContest.getByTestId('field-problems').first()).toBeVisible();
  await expect(page.getByTestId('editor-summary')).toContainText('to fix before saving');
  await expect(page.getByTestId('editor-save')).toBeDisabled();
  await fontsReady(page);
  await screenshot(page, 'room-definition-editor');
  await symbols.nth(1).fill('2');
  await expect(page.getByTestId('editor-summary')).toHaveText('No problems: ready to save.');
  await page.getByTestId('editor-save').click();
  await expect(editor).toContainText('Saved.');

  // A new round on it; a namesake of Omar Al-Khatib from another country is added at the desk.
  const fields = {
    externalId: null, title: 'Mr', familyName: 'Al-Khatib', givenName: 'Omar', nativeName: 'عمر الخطيب', nativeNameLang: 'ar', displayName: '',
    organisation: 'National Election Authority', position: 'Observer', country: 'EG', delegationId: null, categoryCode: 'observer',
    languages: ['ar'], email: '', phone: '', notes: '', protocolOrder: 0,
  };
  await api(request, 'participants.create', { fields });
  await page.getByTestId('room-tab-room').click();
  await page.getByTestId('round-label').fill('Egypt and Jordan, 15:30');
  await page.getByTestId('round-election').selectOption({ label: 'Mock 23rd National Assembly Election' });
  await page.getByTestId('round-create').click();
  await page.getByTestId('round-open').click();
  await expect(page.getByTestId('report-opening').getByTestId('box-papers')).toHaveText(['0', '0']);

  await page.getByTestId('room-tab-identity').click();
  await page.getByTestId('identity-field').fill('Omar Al-Khatib');
  const results = page.getByTestId('voter-result');
  await expect(results).toHaveCount(2);
  await expect(results.filter({ hasText: 'Jordan' })).toHaveCount(1);
  await expect(results.filter({ hasText: 'Egypt' })).toHaveCount(1);
  await results.filter({ hasText: 'Egypt' }).click();
  await expect(page.getByTestId('voter-card')).toContainText('National Election Authority');
  await page.getByTestId('issue-ballot').click();
  await expect(page.getByTestId('issued-ok')).toBeVisible();

  // The ballot is spoiled: cancelled with its reason, then issued again; the books still balance.
  await page.getByTestId('room-tab-room').click();
  await page.getByTestId('cancel-ballot').click();
  await page.getByTestId('cancel-reason').selectOption('spoiled');
  await page.getByTestId('cancel-note').fill('torn while folding');
  await page.getByTestId('cancel-confirm').click();
  await expect(page.locator('[data-testid=issuance-row][data-status=cancelled]')).toContainText('Spoiled');
  await page.getByTestId('reissue').click();
  await expect(page.locator('[data-testid=issuance-row][data-status=issued]')).toHaveCount(1);
  await expect(page.getByTestId('figure-issued')).toContainText('2');
  await expect(page.getByTestId('figure-outstanding')).toContainText('1');
  await expect(page.getByTestId('figure-cancelled')).toContainText('1');
  await expect(page.getByTestId('integrity')).toHaveAttribute('data-balanced', 'true');
  await fontsReady(page);
  await screenshot(page, 'room-cancel-reissue');

  // The same screen in Arabic, right to left.
  await page.getByTestId('language-switch').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByTestId('integrity')).toContainText('كل ورقة اقتراع محسوبة');
  await fontsReady(page);
  await screenshot(page, 'room-presenter-ar');
  await expectAccessible(page, 'presenter room (Arabic)');
});

test('a delegate scans the badge at a booth: refused before a ballot is issued, then the two National Assembly papers come to that booth', async ({ page, watch, browser }) => {
  void watch;
  test.setTimeout(90_000);
  expect(omarCode).not.toBe('');
  const { booth, errors: boothErrors, close } = await pairBooth(page, browser, 'Booth 2');
  const scan = booth.getByTestId('booth-badge-code');
  await expect(scan).toBeFocused();

  // No ballot issued to him in this round yet: the booth says so and stays idle.
  await scan.fill(omarCode);
  await scan.press('Enter');
  await expect(booth.getByTestId('booth-claim-error')).toContainText('No ballot has been issued to you yet');
  await expect(booth.getByTestId('booth-idle')).toBeVisible();
  await fontsReady(booth);
  await screenshot(booth, 'booth-idle-refused');

  // Issued at the identity station (not sent to any booth); his scan at Booth 2 brings it there.
  await page.goto(new URL('#/experience/identity', room.adminUrl).toString());
  await page.getByTestId('identity-field').fill(omarCode);
  await page.getByTestId('identity-field').press('Enter');
  await expect(page.getByTestId('voter-card')).toContainText('Jordan');
  await page.getByTestId('issue-ballot').click();
  await expect(page.getByTestId('issued-ok')).toBeVisible();
  await scan.fill(omarCode);
  await scan.press('Enter');
  await expect(booth.locator('html')).toHaveAttribute('dir', 'rtl');

  // Two papers, one screen each; the second is the party list (parties are the options).
  const paper = booth.getByTestId('paper-ballot');
  await expect(booth.getByTestId('contest-next')).toBeVisible();
  await booth.getByTestId('ballot-option').nth(1).click();
  await booth.getByTestId('contest-next').click();
  await expect(paper).toHaveAttribute('data-contest', /./u);
  const listPaper = await paper.getAttribute('data-contest');
  await booth.getByTestId('ballot-option').nth(2).click();
  await fontsReady(booth);
  await screenshot(booth, 'booth-party-list-ar');
  await booth.getByTestId('to-review').click();
  await expect(booth.getByTestId('review-contest')).toHaveCount(2);
  for (const status of await booth.getByTestId('review-contest').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))) expect(status).toBe('complete');
  // Change the first paper from the review, then come back to the review, not to the next paper.
  await booth.getByTestId('review-change').first().click();
  await booth.getByTestId('ballot-option').nth(1).click();
  await booth.getByTestId('ballot-option').nth(0).click();
  await booth.getByTestId('back-to-review').click();
  await expect(booth.getByTestId('review-contest').nth(1)).toHaveAttribute('data-contest', listPaper ?? '');
  await booth.getByTestId('cast-ballot').click();
  await expect(booth.getByTestId('booth-done')).toBeVisible();

  await page.goto(new URL('#/experience', room.adminUrl).toString());
  await expect(page.getByTestId('figure-cast')).toContainText('1');
  await expect(page.getByTestId('integrity')).toHaveAttribute('data-balanced', 'true');
  expect(boothErrors).toEqual([]);
  await close();
});
