import type { APIRequestContext } from '@playwright/test';
import type { Dashboard, ProgrammeSession, RollCall } from '../../electron/contract';
import { expect, fontsReady, screenshot, test } from './fixtures';
import { hostApi } from './support/fake_camera_scanner';

// The attendance dashboard, the roll call and the programme editor on the shared e2e host.
// Check-ins are made through the API from another page, as another desk would; each test
// measures changes against what it found, so it does not depend on what other specs did.
const base = () => `http://127.0.0.1:${process.env['E2E_PORT'] ?? 4799}/`;
let scanSeq = 0;
const scanId = () => `e2e-att-${Date.now().toString(36)}-${++scanSeq}`;

async function checkIn(request: APIRequestContext, participantId: number, sessionId: number | null = null): Promise<{ result: string }> {
  return hostApi(request, base(), 'checkin.scan', { participantId, sessionId, source: 'search', operator: 'e2e', clientScanId: scanId() });
}

test('the dashboard follows check-ins made at another desk live: here, missing, heads of delegation, scanned twice', async ({ page, context, watch }) => {
  void watch;
  const desk = await context.newPage();
  const before = await hostApi<Dashboard>(desk.request, base(), 'checkin.dashboard', {});
  // A delegation whose head has not arrived: their arrival must show on the delegation's row.
  const row = before.byDelegation.find((d) => d.head && !d.head.arrived);
  const head = row?.head;
  if (!row || !head) throw new Error('the demo event should have a head of delegation not yet arrived');
  const other = before.missingPeople.find((p) => p.participantId !== head.participantId);
  if (!other) throw new Error('someone should be missing');

  await page.goto('/#/attendance');
  const here = page.getByTestId('att-here');
  await expect(here).toHaveAttribute('data-here', String(before.here));
  await expect(page.getByTestId('att-missing')).toHaveAttribute('data-value', String(before.missing));
  const headCell = page.getByTestId('att-delegations').locator('tr', { hasText: row.name }).getByTestId('att-head');
  await expect(headCell).toHaveAttribute('data-arrived', 'false');
  const missingRow = page.getByTestId('att-missing-list').locator(`tr[data-participant="${other.participantId}"]`);
  await expect(missingRow).toBeVisible();
  if (other.phone) await expect(missingRow).toContainText(other.phone);

  // Another desk checks two people in: the dashboard moves without a reload.
  expect(await checkIn(desk.request, head.participantId)).toMatchObject({ result: 'welcome' });
  expect(await checkIn(desk.request, other.participantId)).toMatchObject({ result: 'welcome' });
  await expect(here).toHaveAttribute('data-here', String(before.here + 2));
  await expect(page.getByTestId('att-missing')).toHaveAttribute('data-value', String(before.missing - 2));
  await expect(headCell).toHaveAttribute('data-arrived', 'true');
  await expect(missingRow).toHaveCount(0);
  await expect(page.getByTestId('arrivals-chart')).toHaveAttribute('data-total', String(before.arrivals.reduce((n, b) => n + b.count, 0) + 2));

  // The same badge again at the other desk: "already", and on the scanned-twice list.
  expect(await checkIn(desk.request, other.participantId)).toMatchObject({ result: 'already' });
  await expect(page.getByTestId('att-scanned-twice')).toContainText(other.displayName);
  await expect(here).toHaveAttribute('data-here', String(before.here + 2));
  await fontsReady(page);
  await screenshot(page, 'attendance-dashboard');

  // The overview shows the same live figure, and the way to the dashboard.
  await page.goto('/#/overview');
  await expect(page.getByTestId('overview-attendance').getByTestId('att-here')).toHaveAttribute('data-here', String(before.here + 2));
  await expect(page.getByTestId('stat-participants')).toBeVisible();
  await fontsReady(page);
  await screenshot(page, 'attendance-overview');
  await page.getByTestId('open-attendance').click();
  await expect(page.getByTestId('attendance-dashboard')).toBeVisible();
  await desk.close();
});

test('a site-visit roll call shows who is still missing, by delegation, with phone numbers, live', async ({ page, context, watch }) => {
  void watch;
  const sessions = await hostApi<ProgrammeSession[]>(page.request, base(), 'sessions.list', {});
  const visit = sessions.find((s) => s.type === 'polling_station_visit');
  if (!visit) throw new Error('the demo programme has a polling station visit');
  const roll = await hostApi<RollCall>(page.request, base(), 'checkin.rollCall', { sessionId: visit.id });
  const waiting = roll.groups.filter((g) => g.missingPeople.length > 0);
  expect(waiting.length).toBeGreaterThan(1);

  await page.goto(`/#/programme?rollcall=${visit.id}`);
  const screen = page.getByTestId('roll-call');
  await expect(screen).toHaveAttribute('data-missing', String(roll.missing));
  await expect(page.getByTestId('roll-count')).toContainText(`${roll.missing} missing`);
  await expect(screen.getByTestId('roll-group')).toHaveCount(waiting.length);
  const group = waiting[0]!;
  const first = group.missingPeople[0]!;
  const groupBox = screen.locator(`[data-testid="roll-group"][data-delegation="${group.name}"]`);
  await expect(groupBox).toContainText(first.displayName);
  await expect(groupBox.locator('li')).toHaveCount(group.missingPeople.length);
  const withPhone = group.missingPeople.find((p) => p.phone);
  if (withPhone) await expect(groupBox.locator(`li[data-participant="${withPhone.participantId}"] a[href^="tel:"]`)).toHaveText(withPhone.phone);
  // The delegation's own people only, everyone of them with a name.
  await expect(page.getByTestId('roll-door-link')).toHaveAttribute('href', `#/checkin?session=${visit.id}`);

  // Someone gets on the bus (scanned at the bus door by another device): off the list at once.
  const desk = await context.newPage();
  expect(await checkIn(desk.request, first.participantId, visit.id)).toMatchObject({ result: 'welcome' });
  await expect(screen).toHaveAttribute('data-missing', String(roll.missing - 1));
  await expect(groupBox.locator(`li[data-participant="${first.participantId}"]`)).toHaveCount(0);
  await fontsReady(page);
  await screenshot(page, 'roll-call');
  await desk.close();
});

test('a session is created on the programme, with its door check-in and its roll call', async ({ page, watch }) => {
  void watch;
  const event = await hostApi<{ startDate: string }>(page.request, base(), 'event.current', {});
  await page.goto('/#/programme');
  await page.getByTestId('session-add').click();
  const editor = page.getByTestId('session-editor');
  // Nothing is saved while the form has a problem, and the problem is said beside its field.
  await page.getByTestId('session-save').click();
  await expect(editor).toContainText('give the session a title');
  await page.getByTestId('session-title').fill('Bus 2 to polling station 7');
  await page.getByTestId('session-type').selectOption('site_visit');
  await page.getByTestId('session-day').fill(event.startDate);
  await page.getByTestId('session-starts').fill('07:30');
  await page.getByTestId('session-ends').fill('07:40');
  await page.getByTestId('session-venue').fill('Hotel entrance, bus 2');
  await page.getByTestId('audience-delegations').check();
  const boxes = page.getByTestId('audience-delegations').locator('input[type="checkbox"]');
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await fontsReady(page);
  await screenshot(page, 'session-editor');
  await page.getByTestId('session-save').click();
  await expect(page.getByTestId('programme-message')).toContainText('“Bus 2 to polling station 7” added to the programme.');

  const created = (await hostApi<ProgrammeSession[]>(page.request, base(), 'sessions.list', {})).find((s) => s.title === 'Bus 2 to polling station 7');
  expect(created).toMatchObject({ type: 'site_visit', day: event.startDate, startsAt: '07:30', endsAt: '07:40', venue: 'Hotel entrance, bus 2', expected: { kind: 'delegations' } });
  const row = page.locator(`[data-testid="session-row"][data-session="${created!.id}"]`);
  await expect(row).toContainText('Bus 2 to polling station 7');
  await expect(row.getByTestId('session-door')).toHaveAttribute('href', `#/checkin?session=${created!.id}`);
  // Its door check-in opens the desk at that session's door.
  await row.getByTestId('session-door').click();
  await expect(page.getByTestId('desk-door')).toHaveValue(String(created!.id));
  await page.goBack();
  await row.getByTestId('session-rollcall').click();
  await expect(page.getByTestId('roll-call')).toHaveAttribute('data-missing', String(created!.expectedCount));
  expect(created!.expectedCount).toBeGreaterThan(0);
});

test('in Arabic the dashboard and the roll call read right to left, with their figures', async ({ page, watch }) => {
  void watch;
  const sessions = await hostApi<ProgrammeSession[]>(page.request, base(), 'sessions.list', {});
  const visit = sessions.find((s) => s.type === 'polling_station_visit');
  await page.goto('/#/attendance');
  await page.getByTestId('language-switch').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('h1')).toHaveText('الحضور');
  await expect(page.getByTestId('att-here')).toContainText('الحاضرون الآن');
  // Right to left: the "here" card starts at the right, before the missing card.
  const hereBox = await page.getByTestId('att-here').boundingBox();
  const missingBox = await page.getByTestId('att-missing').boundingBox();
  expect(hereBox && missingBox && hereBox.x > missingBox.x).toBe(true);
  await fontsReady(page);
  await screenshot(page, 'attendance-dashboard-ar');
  await page.goto(`/#/programme?rollcall=${visit?.id}`);
  await expect(page.getByTestId('roll-count')).toContainText('غائب');
  await fontsReady(page);
  await screenshot(page, 'roll-call-ar');
  await page.getByTestId('language-switch').selectOption('en');
});
