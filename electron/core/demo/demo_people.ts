/**
 * Demo participants: the shapes shared by the demo_people_* files, the categories, and the
 * people who belong to no delegation (host staff, press, interpreters, speakers, VIPs, guests).
 * Every person here is made up; only the organisation names follow real bodies, so that the
 * demo reads like a real programme.
 */
import type { Category } from '../../contract';
import type { NewParticipant } from '../participants/participant_store';
import { DEFAULT_CATEGORIES } from '../participants/default_categories';

/** A demo person before seeding: the database gives the delegation id and the seeder the external id. */
export type DemoPerson = Omit<NewParticipant, 'delegationId' | 'externalId'>;

/** A delegation with its members listed in protocol order. */
export interface DemoDelegation {
  /** Shown to staff; also the sort key for the delegations' protocol order. */
  name: string;
  country: string;
  /** The head of delegation's displayName; it must be one of the members. */
  head: string;
  members: DemoPerson[];
}

/** Builds a demo person; most have no staff notes. */
export function person(p: Omit<DemoPerson, 'notes'> & { notes?: string }): DemoPerson {
  return { ...p, notes: p.notes ?? '' };
}

/** The participant categories, in the order screens and badges list them: the usual ones. */
export const DEMO_CATEGORIES: readonly Category[] = DEFAULT_CATEGORIES;

const HOST_ORG = 'National Election Commission of the Republic of Korea';

/** Host staff, interpreters, press, speakers, VIPs and guests: people outside any delegation. */
export const DEMO_INDIVIDUALS: readonly DemoPerson[] = [
  // Host staff (the host country is the Republic of Korea).
  person({ title: 'Mr', familyName: 'Kim', givenName: 'Min-jun', nativeName: '김민준', nativeNameLang: 'ko',
    displayName: 'Kim Min-jun', organisation: HOST_ORG, position: 'Deputy Director, International Cooperation Division',
    country: 'KR', categoryCode: 'staff', languages: ['ko', 'en'], email: 'minjun.kim@example.org',
    phone: '+82 10-4821-3307', protocolOrder: 1, notes: 'Programme lead: escalate check-in problems to him.' }),
  person({ title: 'Ms', familyName: 'Lee', givenName: 'Seo-yeon', nativeName: '이서연', nativeNameLang: 'ko',
    displayName: 'Lee Seo-yeon', organisation: HOST_ORG, position: 'Programme Officer',
    country: 'KR', categoryCode: 'staff', languages: ['ko', 'en', 'es'], email: 'seoyeon.lee@example.org',
    phone: '+82 10-7154-2290', protocolOrder: 2 }),
  person({ title: 'Mr', familyName: 'Park', givenName: 'Ji-hoon', nativeName: '박지훈', nativeNameLang: 'ko',
    displayName: 'Park Ji-hoon', organisation: HOST_ORG, position: 'Registration Desk Coordinator',
    country: 'KR', categoryCode: 'staff', languages: ['ko', 'en'], email: 'jihoon.park@example.org',
    phone: '+82 10-3368-9015', protocolOrder: 3 }),
  person({ title: 'Ms', familyName: 'Choi', givenName: 'Yu-na', nativeName: '최유나', nativeNameLang: 'ko',
    displayName: 'Choi Yu-na', organisation: HOST_ORG, position: 'Protocol Officer',
    country: 'KR', categoryCode: 'staff', languages: ['ko', 'en', 'fr'], email: 'yuna.choi@example.org',
    phone: '+82 10-9240-6671', protocolOrder: 4 }),
  person({ title: 'Mr', familyName: 'Jung', givenName: 'Hyun-woo', nativeName: '정현우', nativeNameLang: 'ko',
    displayName: 'Jung Hyun-woo', organisation: HOST_ORG, position: 'Experience Room Technical Officer',
    country: 'KR', categoryCode: 'staff', languages: ['ko', 'en'], email: 'hyunwoo.jung@example.org',
    phone: '+82 10-5517-8842', protocolOrder: 5 }),

  // Interpreters, booked by the host for the event's working languages.
  person({ title: 'Ms', familyName: 'Han', givenName: 'Ji-eun', nativeName: '한지은', nativeNameLang: 'ko',
    displayName: 'Han Ji-eun', organisation: 'Seoul Conference Interpreters Cooperative', position: 'Korean–French Interpreter',
    country: 'KR', categoryCode: 'interpreter', languages: ['ko', 'fr', 'en'], email: 'jieun.han@example.com',
    phone: '+82 10-2276-4408', protocolOrder: 1, notes: 'Assigned to the Tunisia and Senegal delegations.' }),
  person({ title: 'Mr', familyName: 'Yoon', givenName: 'Sung-ho', nativeName: '윤성호', nativeNameLang: 'ko',
    displayName: 'Yoon Sung-ho', organisation: 'Seoul Conference Interpreters Cooperative',
    position: 'Korean–Russian Interpreter',
    country: 'KR', categoryCode: 'interpreter', languages: ['ko', 'ru', 'en'], email: 'sungho.yoon@example.com',
    phone: '+82 10-8803-1952', protocolOrder: 2 }),

  // Press.
  person({ title: 'Ms', familyName: 'Kang', givenName: 'Da-eun', nativeName: '강다은', nativeNameLang: 'ko',
    displayName: 'Kang Da-eun', organisation: 'Korea Civic Affairs Daily', position: 'Reporter',
    country: 'KR', categoryCode: 'press', languages: ['ko', 'en'], email: 'daeun.kang@example.com',
    phone: '+82 10-6612-0384', protocolOrder: 1 }),
  person({ title: 'Mr', familyName: 'Whitfield', givenName: 'Thomas', nativeName: 'Thomas Whitfield', nativeNameLang: null,
    displayName: 'Thomas Whitfield', organisation: 'Electoral Affairs Review', position: 'Asia Correspondent',
    country: 'GB', categoryCode: 'press', languages: ['en'], email: 'thomas.whitfield@example.com',
    phone: '+44 7700 900412', protocolOrder: 2 }),

  // Speakers for the forum and lectures.
  person({ title: 'Prof.', familyName: 'Mitchell', givenName: 'Sarah', nativeName: 'Sarah Mitchell', nativeNameLang: null,
    displayName: 'Sarah Mitchell', organisation: 'Lakeshore University', position: 'Professor of Political Science',
    country: 'US', categoryCode: 'speaker', languages: ['en'], email: 'sarah.mitchell@example.com',
    phone: '+1 312 555 0148', protocolOrder: 1, notes: 'Forum keynote: slides on USB, needs a lapel microphone.' }),
  person({ title: 'Dr', familyName: 'Krishnamurthy', givenName: 'Anand', nativeName: 'Anand Krishnamurthy', nativeNameLang: null,
    displayName: 'Anand Krishnamurthy', organisation: 'Centre for Electoral Technology Studies', position: 'Senior Fellow',
    country: 'IN', categoryCode: 'speaker', languages: ['en', 'hi', 'ta'], email: 'anand.krishnamurthy@example.com',
    phone: '+91 98450 12873', protocolOrder: 2, notes: 'Vegetarian' }),
  person({ title: 'Dr', familyName: 'Baeumer', givenName: 'Katrin', nativeName: 'Katrin Bäumer', nativeNameLang: 'de',
    displayName: 'Katrin Bäumer', organisation: 'Institute for Democratic Processes', position: 'Head of Research',
    country: 'DE', categoryCode: 'speaker', languages: ['de', 'en', 'fr'], email: 'katrin.baeumer@example.com',
    phone: '+49 1512 3456789', protocolOrder: 3 }),

  // VIPs: protocol meets them at the entrance.
  person({ title: 'H.E. Dr', familyName: 'Seo', givenName: 'Jae-won', nativeName: '서재원', nativeNameLang: 'ko',
    displayName: 'Seo Jae-won', organisation: HOST_ORG, position: 'Standing Commissioner',
    country: 'KR', categoryCode: 'vip', languages: ['ko', 'en'], email: 'jaewon.seo@example.org',
    phone: '+82 2-555-0101', protocolOrder: 1, notes: 'VIP: notify protocol on arrival. Opens the programme on 1 December.' }),
  person({ title: 'H.E. Ms', familyName: 'Restrepo Velez', givenName: 'Catalina',
    nativeName: 'Catalina Restrepo Vélez', nativeNameLang: 'es',
    displayName: 'Catalina Restrepo Vélez', organisation: 'Inter-Continental Forum of Electoral Bodies', position: 'President',
    country: 'CO', categoryCode: 'vip', languages: ['es', 'en'], email: 'catalina.restrepo@example.org',
    phone: '+57 310 555 0199', protocolOrder: 2, notes: 'VIP: notify protocol on arrival.' }),

  // Guests.
  person({ title: 'Mr', familyName: 'Okafor', givenName: 'Daniel', nativeName: 'Daniel Okafor', nativeNameLang: null,
    displayName: 'Daniel Okafor', organisation: 'Embassy of Nigeria in Seoul', position: 'Second Secretary',
    country: 'NG', categoryCode: 'guest', languages: ['en', 'ig'], email: 'daniel.okafor@example.com',
    phone: '+82 10-3095-7716', protocolOrder: 1, notes: 'Attends the opening ceremony only.' }),
];
