import type { PersonFields } from '../../electron/core/participants/participant_store';
/**
 * Made-up participants in many scripts, for the search benchmark and large-list tests:
 * Korean (Hangul + passport Latin), Latin with diacritics, Cyrillic, Arabic, Chinese, Japanese,
 * Thai and Greek names, with organisations, countries, e-mails and registration numbers.
 * Deterministic: the same seed gives the same people.
 */

/** One generated person: the store's person fields (always with an id and a country) and an order. */
export interface GeneratedPerson extends PersonFields {
  externalId: string;
  country: string;
  protocolOrder: number;
}

/** A small, fast, seeded PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KO_SURNAMES: Array<[string, string]> = [
  ['김', 'Kim'], ['이', 'Lee'], ['박', 'Park'], ['최', 'Choi'], ['정', 'Jung'], ['강', 'Kang'], ['조', 'Cho'],
  ['윤', 'Yoon'], ['장', 'Jang'], ['임', 'Lim'], ['한', 'Han'], ['오', 'Oh'], ['서', 'Seo'], ['신', 'Shin'],
];
const KO_SYLLABLES: Array<[string, string]> = [
  ['민', 'min'], ['준', 'jun'], ['서', 'seo'], ['연', 'yeon'], ['지', 'ji'], ['훈', 'hoon'], ['유', 'yu'],
  ['나', 'na'], ['현', 'hyun'], ['우', 'woo'], ['수', 'su'], ['영', 'young'], ['하', 'ha'], ['은', 'eun'],
  ['도', 'do'], ['윤', 'yoon'], ['재', 'jae'], ['성', 'sung'], ['혜', 'hye'], ['진', 'jin'],
];
const LATIN_FAMILY = [
  'Núñez', 'García', 'Kovačević', 'Wiśniewska', 'Müller', 'Dvořák', 'Łukasiewicz', 'Nguyễn', 'Ødegaard',
  'Gonçalves', 'Fernández', 'Petrović', 'Sánchez', 'Jørgensen', 'Öztürk', 'Çelik', 'Martínez', 'Rodríguez',
  'Dubois', 'Lefèvre', 'Rossi', 'Smith', 'Johnson', 'Mensah', 'Okonkwo', 'Diallo', 'Haddad', 'Silva',
  "O'Brien", 'van der Berg', 'Schröder', 'Nowak', 'Horváth', 'Popescu', 'Andersson', 'Virtanen', 'Kaya',
];
const LATIN_GIVEN = [
  'Ana María', 'José', 'Marija', 'Małgorzata', 'Jürgen', 'Zdeněk', 'Thị Hương', 'Søren', 'João', 'Lucía',
  'Nikola', 'Élodie', 'François', 'Giulia', 'John', 'Emily', 'Kwame', 'Chinonso', 'Aminata', 'Omar',
  'Siobhán', 'Pieter', 'Agnieszka', 'István', 'Ioana', 'Sofia', 'Mikko', 'Ayşe', 'Grace', 'Martin',
];
const CYRILLIC: Array<[string, string, string, string]> = [
  ['Щербакова', 'Юлия', 'Shcherbakova', 'Yuliya'], ['Иванов', 'Алексей', 'Ivanov', 'Aleksei'],
  ['Смирнова', 'Ольга', 'Smirnova', 'Olga'], ['Кузнецов', 'Дмитрий', 'Kuznetsov', 'Dmitry'],
  ['Попова', 'Татьяна', 'Popova', 'Tatiana'], ['Васильев', 'Сергей', 'Vasilyev', 'Sergey'],
  ['Шевченко', 'Олена', 'Shevchenko', 'Olena'], ['Нурланов', 'Ерлан', 'Nurlanov', 'Yerlan'],
];
const ARABIC: Array<[string, string, string, string]> = [
  ['محمد', 'علي', 'Mohamed', 'Ali'], ['أحمد', 'حسن', 'Ahmed', 'Hassan'], ['فاطمة', 'الزهراء', 'Fatima', 'Al-Zahraa'],
  ['خالد', 'عبدالله', 'Khaled', 'Abdullah'], ['حسين', 'محمود', 'Hussein', 'Mahmoud'], ['ليلى', 'منصور', 'Layla', 'Mansour'],
];
const CHINESE: Array<[string, string, string]> = [
  ['王', '小明', 'Wang Xiaoming'], ['李', '娜', 'Li Na'], ['张', '伟', 'Zhang Wei'], ['刘', '洋', 'Liu Yang'], ['陈', '静', 'Chen Jing'],
];
const JAPANESE: Array<[string, string, string, string]> = [
  ['山田', '太郎', 'Yamada', 'Taro'], ['佐藤', '花子', 'Sato', 'Hanako'], ['鈴木', '一郎', 'Suzuki', 'Ichiro'],
];
const THAI: Array<[string, string, string]> = [
  ['ธนวัฒน์ ศรีสุวรรณ', 'Thanawat', 'Srisuwan'], ['สมชาย ใจดี', 'Somchai', 'Jaidee'], ['กาญจนา แก้วมณี', 'Kanchana', 'Kaewmanee'],
];
const GREEK: Array<[string, string, string, string]> = [
  ['Παπαδόπουλος', 'Γιώργος', 'Papadopoulos', 'Georgios'], ['Ευαγγέλου', 'Μαρία', 'Evangelou', 'Maria'],
];
const COUNTRIES = ['KR', 'ES', 'MX', 'RS', 'PL', 'DE', 'CZ', 'VN', 'NO', 'BR', 'RU', 'UA', 'KZ', 'EG', 'JO', 'CN', 'JP', 'TH', 'GR', 'GH', 'NG', 'SN', 'FR', 'IT', 'US', 'GB'];
const ORG_KINDS = ['Election Commission', 'Electoral Institute', 'Observer Mission', 'Ministry of Interior', 'Civic Network', 'University', 'Press Agency'];
const CATEGORIES = ['delegate', 'delegate', 'delegate', 'observer', 'observer', 'speaker', 'staff', 'press', 'interpreter', 'vip', 'guest'];

/** Generates `count` people (deterministic for a seed). */
export function generatePeople(count: number, seed = 42): GeneratedPerson[] {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const people: GeneratedPerson[] = [];
  for (let i = 0; i < count; i++) {
    const r = rnd();
    let family: string;
    let given: string;
    let native = '';
    let lang: string | null = null;
    let country: string;
    if (r < 0.2) {
      const [hs, ls] = pick(KO_SURNAMES);
      const [h1, l1] = pick(KO_SYLLABLES);
      const [h2, l2] = pick(KO_SYLLABLES);
      family = ls;
      given = `${l1[0]?.toUpperCase()}${l1.slice(1)}-${l2}`;
      native = hs + h1 + h2;
      lang = 'ko';
      country = 'KR';
    } else if (r < 0.5) {
      family = pick(LATIN_FAMILY);
      given = pick(LATIN_GIVEN);
      country = pick(COUNTRIES.slice(1, 10));
    } else if (r < 0.65) {
      const [nf, ng, lf, lg] = pick(CYRILLIC);
      [family, given, native, lang, country] = [lf, lg, `${ng} ${nf}`, 'ru', pick(['RU', 'UA', 'KZ'])];
    } else if (r < 0.75) {
      const [ng, nf, lg, lf] = pick(ARABIC);
      [family, given, native, lang, country] = [lf, lg, `${ng} ${nf}`, 'ar', pick(['EG', 'JO'])];
    } else if (r < 0.83) {
      const [f, g, latin] = pick(CHINESE);
      const [lf = '', lg = ''] = latin.split(' ');
      [family, given, native, lang, country] = [lf, lg, f + g, 'zh', 'CN'];
    } else if (r < 0.88) {
      const [f, g, lf, lg] = pick(JAPANESE);
      [family, given, native, lang, country] = [lf, lg, f + g, 'ja', 'JP'];
    } else if (r < 0.92) {
      const [n, lg, lf] = pick(THAI);
      [family, given, native, lang, country] = [lf, lg, n, 'th', 'TH'];
    } else if (r < 0.95) {
      const [nf, ng, lf, lg] = pick(GREEK);
      [family, given, native, lang, country] = [lf, lg, `${ng} ${nf}`, 'el', 'GR'];
    } else {
      family = pick(LATIN_FAMILY);
      given = pick(LATIN_GIVEN);
      country = pick(COUNTRIES.slice(19));
    }
    const serial = String(i + 1).padStart(6, '0');
    const org = `${pick(ORG_KINDS)} ${country} ${Math.floor(rnd() * 80) + 1}`;
    const asciiLocal = `${given}.${family}`.normalize('NFD').replace(/[^A-Za-z.]/gu, '').toLowerCase();
    people.push({
      externalId: `GEN-${serial}`,
      title: pick(['Mr', 'Ms', 'Dr', '']),
      familyName: family,
      givenName: given,
      nativeName: native,
      nativeNameLang: lang,
      displayName: lang === 'ko' || lang === 'zh' ? `${family} ${given}` : `${given} ${family}`,
      organisation: org,
      position: pick(['Commissioner', 'Director', 'Officer', 'Researcher', 'Journalist']),
      country,
      categoryCode: pick(CATEGORIES),
      languages: ['en'],
      email: `${asciiLocal || 'person'}${i}@example.org`,
      phone: `+1 555 ${serial}`,
      notes: '',
      protocolOrder: (i % 12) + 1,
    });
  }
  return people;
}
