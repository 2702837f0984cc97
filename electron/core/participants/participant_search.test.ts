import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../db/connection';
import { listParticipants } from './participant_search';
import { addPeople, openTestEvent, testPerson } from './participants_test_helpers';

let event: ReturnType<typeof openTestEvent>;
let db: Db;

// A small event with the names desk staff actually meet, in their own scripts.
beforeAll(() => {
  event = openTestEvent();
  db = event.db;
  addPeople(db, [
    testPerson({ displayName: 'Kim Min-jun', familyName: 'Kim', givenName: 'Min-jun', nativeName: '김민준', nativeNameLang: 'ko', country: 'KR', organisation: 'National Election Commission', email: 'minjun.kim@example.org', externalId: 'GEVP26-0001', delegation: 'Republic of Korea' }),
    testPerson({ displayName: '이서연', nativeName: '이서연', nativeNameLang: 'ko', country: 'KR' }),
    testPerson({ displayName: '박지훈', nativeName: '박지훈', nativeNameLang: 'ko', country: 'KR' }),
    testPerson({ displayName: '최유나', nativeName: '최유나', nativeNameLang: 'ko', country: 'KR' }),
    testPerson({ displayName: '정다은', nativeName: '정다은', nativeNameLang: 'ko', country: 'KR' }),
    testPerson({ displayName: 'Kim Min-jung', familyName: 'Kim', givenName: 'Min-jung', nativeName: '김민정', nativeNameLang: 'ko', country: 'KR' }),
    testPerson({ displayName: 'Ana María Núñez', familyName: 'Núñez', givenName: 'Ana María', country: 'MX', organisation: 'Instituto Nacional Electoral', externalId: 'GEVP26-0042' }),
    testPerson({ displayName: 'Marija Kovačević', familyName: 'Kovačević', givenName: 'Marija', country: 'RS', organisation: 'Republic Electoral Commission' }),
    testPerson({ displayName: 'Carlos Martínez', familyName: 'Martínez', givenName: 'Carlos', country: 'ES' }),
    testPerson({ displayName: 'Yuliya Shcherbakova', nativeName: 'Юлия Щербакова', nativeNameLang: 'ru', country: 'RU' }),
    testPerson({ displayName: 'Γιώργος Παπαδόπουλος', nativeName: 'Γιώργος Παπαδόπουλος', nativeNameLang: 'el', country: 'GR' }),
    testPerson({ displayName: 'Mohamed Ali', familyName: 'Ali', givenName: 'Mohamed', nativeName: 'محمد علي', nativeNameLang: 'ar', country: 'EG', delegation: 'Egypt' }),
    testPerson({ displayName: 'Wang Xiaoming', familyName: 'Wang', givenName: 'Xiaoming', nativeName: '王小明', nativeNameLang: 'zh', country: 'CN' }),
    testPerson({ displayName: 'Grace Korematsu', familyName: 'Korematsu', givenName: 'Grace', country: 'US', organisation: 'Kim & Partners' }),
    testPerson({ displayName: 'Kimberly Osei', familyName: 'Osei', givenName: 'Kimberly', country: 'GH' }),
    testPerson({ displayName: 'Joakim Berg', familyName: 'Berg', givenName: 'Joakim', country: 'NO' }),
    testPerson({ displayName: 'Party 🎉 Organiser', familyName: 'Organiser', givenName: 'Party 🎉', country: 'FR' }),
    testPerson({ displayName: '\u202eevil\u202c Name', familyName: 'Na\u200bme', givenName: 'Evil', country: 'FR' }),
    testPerson({ displayName: '<script>alert(1)</script>', familyName: '<script>alert(1)</script>', country: 'FR' }),
    testPerson({ displayName: 'X'.repeat(600), familyName: 'X'.repeat(600), country: 'FR' }),
  ]);
});

afterAll(() => event.close());

function find(query: string, extra: Parameters<typeof listParticipants>[1] extends infer I ? Partial<I> : never = {}): string[] {
  return listParticipants(db, { query, limit: 500, offset: 0, ...extra }).items.map((p) => p.displayName);
}

describe('finds a person by any part of any name, in any script', () => {
  test.each([
    ['nunez', 'Ana María Núñez'],
    ['NÚÑEZ', 'Ana María Núñez'],
    ['ana maria', 'Ana María Núñez'],
    ['kovacevic', 'Marija Kovačević'],
    ['Kovačević', 'Marija Kovačević'],
    ['kim minjun', 'Kim Min-jun'],
    ['minjun', 'Kim Min-jun'],
    ['minjun kim', 'Kim Min-jun'],
    ['min-jun', 'Kim Min-jun'],
    ['kimminjun', 'Kim Min-jun'],
    ['gim minjun', 'Kim Min-jun'],
    ['김민준', 'Kim Min-jun'],
    ['ㄱㅁㅈ', 'Kim Min-jun'],
    ['lee seoyeon', '이서연'],
    ['yi seoyeon', '이서연'],
    ['seoyeon', '이서연'],
    ['park jihoon', '박지훈'],
    ['bak jihun', '박지훈'],
    ['choi yuna', '최유나'],
    ['choe yuna', '최유나'],
    ['jung daeun', '정다은'],
    ['jeong daeun', '정다은'],
    ['yuliya', 'Yuliya Shcherbakova'],
    ['iuliia shcherbakova', 'Yuliya Shcherbakova'],
    ['юлия', 'Yuliya Shcherbakova'],
    ['щербакова', 'Yuliya Shcherbakova'],
    ['papadopoulos', 'Γιώργος Παπαδόπουλος'],
    ['γιωργος', 'Γιώργος Παπαδόπουλος'],
    ['muhammad', 'Mohamed Ali'],
    ['mohammed ali', 'Mohamed Ali'],
    ['محمد', 'Mohamed Ali'],
    ['wang xiaoming', 'Wang Xiaoming'],
    ['小明', 'Wang Xiaoming'],
    ['王小明', 'Wang Xiaoming'],
    ['kovacevc', 'Marija Kovačević'],
    ['martnez', 'Carlos Martínez'],
    ['instituto nacional', 'Ana María Núñez'],
    ['egypt', 'Mohamed Ali'],
    ['minjun.kim@example.org', 'Kim Min-jun'],
    ['minjun.kim@', 'Kim Min-jun'],
    ['GEVP26-0042', 'Ana María Núñez'],
    ['42', 'Ana María Núñez'],
    ['🎉', 'Party 🎉 Organiser'],
    ['evil name', '\u202eevil\u202c Name'],
  ])('%s → %s', (query, expected) => {
    expect(find(query)[0]).toBe(expected);
  });

  test('a Hangul syllable still being typed already matches (김미 on the way to 김민)', () => {
    expect(find('김미')).toContain('Kim Min-jun');
    expect(find('김민')).toEqual(expect.arrayContaining(['Kim Min-jun', 'Kim Min-jung']));
  });

  test('countries by code and by name in several languages', () => {
    for (const q of ['kr', 'south korea', 'corée', '대한민국']) expect(find(q), q).toContain('Kim Min-jun');
    expect(find('mexico')).toEqual(['Ana María Núñez']);
  });

  test('delegation names find their members', () => {
    expect(find('republic of korea')).toContain('Kim Min-jun');
  });
});

describe('ranks by quality of match', () => {
  test('exact before prefix before substring before typo', () => {
    const order = find('kim');
    const at = (name: string) => order.indexOf(name);
    expect(at('Kim Min-jun')).toBeGreaterThanOrEqual(0);
    expect(at('Kim Min-jun')).toBeLessThan(at('Kimberly Osei')); // exact family name before a prefix
    expect(at('Kimberly Osei')).toBeLessThan(at('Joakim Berg')); // prefix before the middle of a name
  });

  test('a name match ranks above an organisation match', () => {
    const order = find('kim');
    expect(order.indexOf('Kim Min-jun')).toBeLessThan(order.indexOf('Grace Korematsu')); // "Kim & Partners"
  });

  test('a closer name ranks first: "kim minjun" puts Min-jun before Min-jung', () => {
    const order = find('kim minjun');
    expect(order[0]).toBe('Kim Min-jun');
    expect(order.indexOf('Kim Min-jung')).toBeGreaterThan(0);
  });

  test('one typo is tolerated, two are not', () => {
    expect(find('kovacevc')).toContain('Marija Kovačević');
    expect(find('kovaecvic')).toContain('Marija Kovačević'); // two letters swapped
    expect(find('kobacebic')).not.toContain('Marija Kovačević');
  });

  test('spellings that differ only in vowels meet through the consonant skeleton (Mohamed, Muhammad)', () => {
    expect(find('muhamad')).toContain('Mohamed Ali');
    expect(find('kovcevc')).toContain('Marija Kovačević');
  });
});

describe('hostile queries are plain text', () => {
  test.each(['%', '_', "'", '"', '\\', "' OR 1=1 --", '%%__', '*'])('%s matches nothing and breaks nothing', (q) => {
    expect(find(q)).toEqual([]);
  });

  test('markup is searched as text', () => {
    expect(find('<script>')).toEqual(['<script>alert(1)</script>']);
  });

  test('a very long query is answered (and finds the person with the 600-character name)', () => {
    expect(find('x'.repeat(5000))).toEqual(['X'.repeat(600)]);
    expect(find('x'.repeat(200))).toEqual(['X'.repeat(600)]);
  });

  test('zero-width characters inside a name or a query do not hide a match', () => {
    expect(find('name')).toContain('\u202eevil\u202c Name');
    expect(find('na\u200bme evil')).toContain('\u202eevil\u202c Name');
  });
});

describe('filters and sorting', () => {
  test('filters combine with the search', () => {
    expect(find('kim', { country: 'GH' })).toEqual(['Kimberly Osei']);
    expect(find('', { country: 'KR' })).toHaveLength(6);
  });

  test('sort by name, both directions', () => {
    const asc = find('', { sort: 'name', country: 'KR' });
    expect(asc).toHaveLength(6);
    expect(find('', { sort: 'name', country: 'KR', direction: 'desc' })).toEqual([...asc].reverse());
  });

  test('sort by country follows the country names in the UI language', () => {
    const en = listParticipants(db, { query: '', limit: 500, offset: 0, sort: 'country', locale: 'en' }).items.map((p) => p.country);
    const firstEn = en.filter((c, i) => en.indexOf(c) === i);
    expect(firstEn.slice(0, 3)).toEqual(['CN', 'EG', 'FR']); // China, Egypt, France
  });

  test('paging returns consecutive windows of the same order', () => {
    const all = find('');
    const first = listParticipants(db, { query: '', limit: 7, offset: 0 }).items.map((p) => p.displayName);
    const second = listParticipants(db, { query: '', limit: 7, offset: 7 }).items.map((p) => p.displayName);
    expect([...first, ...second]).toEqual(all.slice(0, 14));
    expect(listParticipants(db, { query: '', limit: 7, offset: 0 }).total).toBe(all.length);
  });
});
