/**
 * The demo event: a made-up international visitor programme in Seoul, filled with made-up
 * participants, a programme and a mock presidential election, so that every screen has
 * realistic content (several scripts, long names, notes) on first start.
 */
import type { CreateEventInput, ExpectedAudience } from '../../contract';
import type { Db } from '../db/connection';
import { insertElection } from '../elections/election_store';
import { insertDelegation, insertParticipant, setDelegationHead, upsertCategory } from '../participants/participant_store';
import { insertSession } from '../programme/session_store';
import { DEMO_ELECTION } from './demo_election';
import { DEMO_CATEGORIES, DEMO_INDIVIDUALS, type DemoDelegation } from './demo_people';
import { DEMO_DELEGATIONS_ASIA } from './demo_people_asia';
import { DEMO_DELEGATIONS_EUROPE } from './demo_people_europe';
import { DEMO_DELEGATIONS_WORLD } from './demo_people_world';
import { DEMO_SESSIONS, type DemoAudience } from './demo_programme';

/** The demo event's own settings, used when the app first starts without an event. */
export const DEMO_EVENT_INPUT: CreateEventInput = {
  name: 'Global Election Visitor Programme 2026 (demo)',
  venue: 'National Election Commission Training Institute',
  city: 'Seoul',
  hostCountry: 'KR',
  startDate: '2026-12-01',
  endDate: '2026-12-04',
  timezone: 'Asia/Seoul',
  languages: ['en', 'ko', 'fr', 'es', 'ru', 'ar'],
  withDemoData: true,
};

/** Prefix of the demo's registration numbers, as an online registration system would issue them. */
const EXTERNAL_ID_PREFIX = 'GEVP26-';

/**
 * Delegations in protocol order: alphabetical by English name, as at most international
 * meetings. Sorted here so that adding a delegation to any data file keeps the order right.
 */
function delegationsInProtocolOrder(): DemoDelegation[] {
  const collator = new Intl.Collator('en');
  return [...DEMO_DELEGATIONS_ASIA, ...DEMO_DELEGATIONS_EUROPE, ...DEMO_DELEGATIONS_WORLD].sort((a, b) =>
    collator.compare(a.name, b.name),
  );
}

/** Turns an audience named by country into one named by delegation id. */
function resolveAudience(audience: DemoAudience, delegationIdByCountry: ReadonlyMap<string, number>): ExpectedAudience {
  if (audience.kind === 'all') return audience;
  const delegationIds = audience.countries.map((country) => {
    const id = delegationIdByCountry.get(country);
    if (id === undefined) throw new Error(`Demo session names a delegation that does not exist: ${country}`);
    return id;
  });
  return { kind: 'delegations', delegationIds };
}

/**
 * Fills a new event with the demo content. Runs inside the transaction the caller opened
 * around event creation, so a failure here leaves no half-filled event behind.
 */
export function seedDemoEvent(db: Db, now: string): void {
  for (const category of DEMO_CATEGORIES) upsertCategory(db, category);

  let serial = 0;
  const nextExternalId = (): string => `${EXTERNAL_ID_PREFIX}${String(++serial).padStart(4, '0')}`;

  const delegationIdByCountry = new Map<string, number>();
  delegationsInProtocolOrder().forEach((delegation, index) => {
    const delegationId = insertDelegation(db, {
      name: delegation.name,
      country: delegation.country,
      protocolOrder: index + 1,
    });
    let headId: number | null = null;
    for (const member of delegation.members) {
      const id = insertParticipant(db, { ...member, externalId: nextExternalId(), delegationId }, now);
      if (member.displayName === delegation.head) headId = id;
    }
    // A head outside the delegation is a mistake in the data files, not something to seed silently.
    if (headId === null) throw new Error(`Demo delegation ${delegation.name} has no member named ${delegation.head}`);
    setDelegationHead(db, delegationId, headId);
    delegationIdByCountry.set(delegation.country, delegationId);
  });

  for (const individual of DEMO_INDIVIDUALS) {
    insertParticipant(db, { ...individual, externalId: nextExternalId(), delegationId: null }, now);
  }

  for (const session of DEMO_SESSIONS) {
    insertSession(db, { ...session, expected: resolveAudience(session.expected, delegationIdByCountry) });
  }

  insertElection(db, DEMO_ELECTION, now);
}
