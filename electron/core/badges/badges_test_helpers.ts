import path from 'node:path';
import type { CreateEventInput } from '../../contract';
import type { Db } from '../db/connection';
import { insertDelegation, insertParticipant, upsertCategory, type NewParticipant } from '../participants/participant_store';
import { testPerson } from '../participants/participants_test_helpers';
import { makeTempDir } from '../testing/temp_dir_test_helpers';
import { createEventFolder, type EventWorkspace } from '../workspace/event_workspace';

/** One person per script a badge must print, plus names long enough to need fitting. */
export const SCRIPT_PEOPLE: ReadonlyArray<{ script: string; nativeName: string; lang: string | null; displayName: string; familyName: string; country: string }> = [
  { script: 'Latin with diacritics', nativeName: 'Đặng Thị Hương', lang: 'vi', displayName: 'Dang Thi Huong', familyName: 'Dang', country: 'VN' },
  { script: 'Latin with diacritics', nativeName: 'Zoë Øster-Ægidius', lang: null, displayName: 'Zoë Øster-Ægidius', familyName: 'Øster-Ægidius', country: 'DK' },
  { script: 'Hangul', nativeName: '김민준', lang: 'ko', displayName: 'Kim Min-jun', familyName: 'Kim', country: 'KR' },
  { script: 'CJK', nativeName: '王秀英', lang: 'zh-Hans', displayName: 'Wang Xiuying', familyName: 'Wang', country: 'CN' },
  { script: 'Arabic', nativeName: 'محمد عبد الرحمن الهاشمي', lang: 'ar', displayName: 'Mohammed Abdulrahman Al-Hashemi', familyName: 'Al-Hashemi', country: 'JO' },
  { script: 'Cyrillic', nativeName: 'Ольга Владимировна Кузнецова', lang: 'ru', displayName: 'Olga Kuznetsova', familyName: 'Kuznetsova', country: 'RU' },
  { script: 'Thai', nativeName: 'สมชาย ใจดีเสมอต้นเสมอปลาย', lang: 'th', displayName: 'Somchai Jaideesamoe', familyName: 'Jaideesamoe', country: 'TH' },
  { script: 'Tamil', nativeName: 'முத்துலட்சுமி ராமச்சந்திரன்', lang: 'ta', displayName: 'Muthulakshmi Ramachandran', familyName: 'Ramachandran', country: 'LK' },
  {
    script: 'Latin, very long',
    nativeName: 'Maria da Conceição Albuquerque de Vasconcelos e Sá Menezes',
    lang: 'pt',
    displayName: 'Maria da Conceição Albuquerque de Vasconcelos e Sá Menezes',
    familyName: 'Vasconcelos e Sá Menezes',
    country: 'PT',
  },
];

const INPUT: CreateEventInput = {
  name: 'Badge Test Forum',
  venue: '',
  city: 'Seoul',
  hostCountry: 'KR',
  startDate: '2026-12-01',
  endDate: '2026-12-03',
  timezone: 'Asia/Seoul',
  languages: ['en', 'ko'],
  withDemoData: false,
};

/** A participant with the badge tests' default organisation, every other field blank unless given. */
function person(p: Partial<NewParticipant> & Pick<NewParticipant, 'displayName'>): NewParticipant {
  return testPerson({ organisation: 'Independent Election Commission', languages: ['en'], ...p });
}

/** Seeds two categories, one delegation, and the script people (ids 1…n in SCRIPT_PEOPLE order). */
export function seedScriptPeople(db: Db, now: string, extra = 0): void {
  upsertCategory(db, { code: 'delegate', name: 'Delegate', colour: '#1f5fbf', sortOrder: 10 });
  upsertCategory(db, { code: 'vip', name: 'VIP', colour: '#c9a227', sortOrder: 20 });
  const delegation = insertDelegation(db, { name: 'Friends of the Forum', country: null, protocolOrder: 1 });
  SCRIPT_PEOPLE.forEach((p, i) =>
    insertParticipant(
      db,
      person({
        displayName: p.displayName,
        familyName: p.familyName,
        nativeName: p.nativeName,
        nativeNameLang: p.lang,
        country: p.country,
        delegationId: i < 4 ? delegation : null,
        categoryCode: i % 3 === 2 ? 'vip' : 'delegate',
        organisation: i === 8 ? 'Tribunal Superior Eleitoral da República Federativa do Brasil, Secretaria de Tecnologia da Informação' : 'Independent Election Commission',
        protocolOrder: i,
      }),
      now,
    ),
  );
  for (let i = 0; i < extra; i++) {
    const p = SCRIPT_PEOPLE[i % SCRIPT_PEOPLE.length]!;
    insertParticipant(db, person({ displayName: `${p.displayName} ${i}`, familyName: p.familyName, nativeName: `${p.nativeName} ${i}`, nativeNameLang: p.lang, country: p.country, protocolOrder: 100 + i }), now);
  }
}

/** A fresh event folder (with its key pair) holding the script people; `extra` adds more. */
export function createBadgeTestEvent(options: { extra?: number; dir?: string } = {}): EventWorkspace {
  const dir = options.dir ?? path.join(makeTempDir('dd-badges-'), 'event');
  // A fixed creation time before the tests' fixed print times: a badge counts only if printed
  // after its holder's record was made, whatever day the tests run on.
  const created = createEventFolder(dir, INPUT, {
    now: () => new Date('2026-11-01T00:00:00.000Z'),
    seed: (db, now) => seedScriptPeople(db, now, options.extra ?? 0),
  });
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}
