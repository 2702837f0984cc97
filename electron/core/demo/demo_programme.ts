/** The demo event's programme: one session on each of the four event days in Seoul. */
import type { NewProgrammeSession } from '../programme/session_store';

/**
 * Who a demo session expects. Delegations are named by country because their database ids
 * only exist once the seeder has inserted them.
 */
export type DemoAudience = { kind: 'all' } | { kind: 'delegations'; countries: string[] };

/** A demo programme session before its audience is resolved to delegation ids. */
export type DemoSession = Omit<NewProgrammeSession, 'expected'> & { expected: DemoAudience };

/** The four sessions, by day and start time. */
export const DEMO_SESSIONS: readonly DemoSession[] = [
  {
    title: 'Opening of the Global Election Visitor Programme',
    type: 'ceremony',
    day: '2026-12-01',
    startsAt: '10:00',
    endsAt: '11:30',
    venue: 'Grand Hall, 1st floor',
    expected: { kind: 'all' },
  },
  {
    title: 'Forum: Technology and trust in elections',
    type: 'forum',
    day: '2026-12-02',
    startsAt: '09:30',
    endsAt: '12:30',
    venue: 'International Conference Room, 3rd floor',
    expected: { kind: 'all' },
  },
  {
    // A polling station only takes a small group at a time, so the visit is split by delegation.
    title: 'Polling station visit, Jongno-gu',
    type: 'polling_station_visit',
    day: '2026-12-03',
    startsAt: '08:30',
    endsAt: '12:00',
    venue: 'Polling station 3, Sajik-dong Community Centre, Jongno-gu',
    expected: { kind: 'delegations', countries: ['MN', 'KZ', 'JP', 'TH', 'JO', 'TN', 'KE', 'BR', 'MX'] },
  },
  {
    title: 'Election experience room',
    type: 'experience_room',
    day: '2026-12-04',
    startsAt: '10:00',
    endsAt: '16:00',
    venue: 'Election Experience Room, 2nd floor',
    expected: { kind: 'all' },
  },
];
