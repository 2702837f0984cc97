import { expect, fontsReady, screenshot, test } from './fixtures';

const SCREENS = ['overview', 'checkin', 'participants', 'badges', 'programme', 'experience', 'results', 'devices', 'settings'] as const;

test('opens on the demo event in English with real counts from the database', async ({ page, watch }) => {
  void watch;
  await page.goto('/');
  await expect(page.getByTestId('event-name')).toContainText('Global Election Visitor Programme 2026 (demo)');
  await expect(page.getByTestId('stat-participants')).toContainText('64');
  await expect(page.getByTestId('stat-delegations')).toContainText('20');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await fontsReady(page);
  await screenshot(page, 'overview-en');
});

test('every screen renders without errors and without leaving localhost', async ({ page, watch }) => {
  void watch;
  await page.goto('/');
  for (const [i, screen] of SCREENS.entries()) {
    // Alt+digit is the desk staff's way around; the menu link is checked as active.
    await page.keyboard.press(`Alt+Digit${i + 1}`);
    await expect(page.getByTestId(`nav-${screen}`)).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('h1')).toBeVisible();
  }
});

test('participants: names in their own scripts, search as you type, delegations', async ({ page, watch }) => {
  void watch;
  await page.goto('/#/participants');
  const table = page.getByTestId('participant-table');
  // The list is virtualised: it holds all 64 people, and renders the rows on screen.
  await expect(page.getByTestId('participant-count')).toHaveText('64 people');
  await expect(table).toHaveAttribute('aria-rowcount', '65');
  await expect(table.getByTestId('participant-row').first()).toBeVisible();
  await fontsReady(page);
  await screenshot(page, 'participants-en');

  await page.keyboard.press('/');
  await page.keyboard.type('김민');
  await expect(table.getByTestId('participant-row')).toHaveCount(1);
  await expect(table).toContainText('Kim Min-jun');
  await expect(table).toContainText('김민준');

  await page.getByTestId('participant-search').fill('zzzz-nobody');
  await expect(page.locator('main').getByRole('status')).toContainText('zzzz-nobody');

  await page.getByTestId('tab-delegations').click();
  await expect(page.getByTestId('delegation-table').locator('tbody tr')).toHaveCount(20);
});

test('switches the staff UI to Korean, and to Arabic right-to-left', async ({ page, watch }) => {
  void watch;
  await page.goto('/#/participants');
  await page.getByTestId('language-switch').selectOption('ko');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByTestId('nav-participants')).toContainText('참가자');
  await expect(page.locator('h1')).toHaveText('참가자');
  await fontsReady(page);
  await screenshot(page, 'participants-ko');
  await page.goto('/#/overview');
  await expect(page.getByTestId('nav-overview')).toContainText('개요');
  await fontsReady(page);
  await screenshot(page, 'overview-ko');

  await page.getByTestId('language-switch').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('h1')).toHaveText('نظرة عامة');
  // Right-to-left: the menu sits on the right of the screen.
  const menu = await page.locator('nav.sidebar').boundingBox();
  expect(menu && menu.x > 600).toBe(true);
  await fontsReady(page);
  await screenshot(page, 'overview-ar');

  // The choice survives a reload.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByTestId('language-switch').selectOption('en');
});

test('programme and experience room show the demo programme and ballot', async ({ page, watch }) => {
  void watch;
  await page.goto('/#/programme');
  await expect(page.getByTestId('session-list').locator('li')).toHaveCount(4);
  await fontsReady(page);
  await screenshot(page, 'programme-en');
  await page.goto('/#/experience/elections');
  const ballot = page.getByTestId('election').first().getByTestId('paper-ballot');
  await expect(ballot.getByTestId('ballot-option')).toHaveCount(6);
  await fontsReady(page);
  await screenshot(page, 'experience-en');
});
