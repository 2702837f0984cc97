import { expect, test } from 'vitest';
import { readTable } from './read_table';
import { importFile } from './import_file';
import { encoded, newEvent, storedPeople, withoutId, type StoredPerson } from './import_test_helpers';

type Expected = Omit<StoredPerson, 'id'>;

/** A person as the import stores them when the file says nothing else. */
function person(p: Partial<Expected> & Pick<Expected, 'familyName' | 'givenName' | 'displayName'>): Expected {
  return {
    externalId: null, title: '', nativeName: '', nativeNameLang: null, organisation: '', position: '', country: null,
    delegation: null, categoryCode: 'delegate', languages: [], email: '', phone: '', notes: '', status: 'registered', ...p,
  };
}

async function importInto(bytes: Uint8Array, fileName: string) {
  const ws = newEvent();
  const outcome = await importFile(ws.db, bytes, fileName, { now: '2026-03-01T09:00:00.000Z' });
  if (!outcome.ok) throw new Error(outcome.message);
  return { ws, report: outcome.report, people: storedPeople(ws.db).map(withoutId) };
}

const KOREAN_CSV = `번호,성명,영문 성명,소속,직위,국가,이메일,구분,언어,비고
1,김민준,KIM Minjun,중앙선거관리위원회,사무관,대한민국,minjun.kim@nec.example.kr,대표,"한국어, 영어",채식
2,이서연,LEE Seoyeon,선거연수원,교수,한국,seoyeon.lee@nec.example.kr,참관인,영어,
3,남궁민수,NAMGOONG Minsu,외교부,과장,KOR,minsu@mofa.example.kr,연사,영어/불어,"똠양꿍 알레르기, 휠체어 이용"
`;

test('a Korean Excel CSV in CP949 with Korean headers: every field of every row', async () => {
  const bytes = encoded(KOREAN_CSV, 'cp949');
  const table = await readTable(bytes, '참가자명단.csv', {});
  expect(table).toMatchObject({ format: 'csv', encoding: 'cp949', delimiter: ',' });
  const { report, people } = await importInto(bytes, '참가자명단.csv');
  expect(report).toMatchObject({ rowsRead: 3, added: 3, updated: 0, unchanged: 0, skipped: 0, problemTotal: 0 });
  const common = { organisation: '', nativeNameLang: 'ko', country: 'KR' };
  expect(people).toEqual([
    person({ ...common, familyName: 'KIM', givenName: 'Minjun', displayName: 'KIM Minjun', nativeName: '김민준', organisation: '중앙선거관리위원회',
      position: '사무관', email: 'minjun.kim@nec.example.kr', languages: ['ko', 'en'], notes: '채식' }),
    person({ ...common, familyName: 'LEE', givenName: 'Seoyeon', displayName: 'LEE Seoyeon', nativeName: '이서연', organisation: '선거연수원',
      position: '교수', email: 'seoyeon.lee@nec.example.kr', categoryCode: 'observer', languages: ['en'] }),
    // 똠 is outside EUC-KR: only CP949 (Korean Windows' "ANSI") has it.
    person({ ...common, familyName: 'NAMGOONG', givenName: 'Minsu', displayName: 'NAMGOONG Minsu', nativeName: '남궁민수', organisation: '외교부',
      position: '과장', email: 'minsu@mofa.example.kr', categoryCode: 'speaker', languages: ['en', 'fr'], notes: '똠양꿍 알레르기, 휠체어 이용' }),
  ]);
});

const EUROPEAN_CSV = `Nom;Prénom;Organisation;Pays;Courriel;Catégorie;Téléphone
Núñez García;María José;Junta Electoral Central;Espagne;mj.nunez@example.es;Observatrice;+34 91 123 45 67
Müller;Jürgen;Bundeswahlleiter;Allemagne;j.mueller@example.de;Délégué;+49 611 75 4863
Dupont;Françoise;"Conseil d’État; service «Élections»";France;f.dupont@example.fr;Presse;
Ørsted;Søren;Valgnævnet — sekretariatet;Danemark;soren@example.dk;Délégué;+45 72 28 24 00
`;

test('a European Excel CSV: semicolons, Windows-1252, diacritics, a quoted ";" and 1252-only punctuation', async () => {
  const bytes = encoded(EUROPEAN_CSV, 'windows-1252');
  expect(await readTable(bytes, 'partenaires.csv', {})).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';' });
  const { people } = await importInto(bytes, 'partenaires.csv');
  expect(people).toEqual([
    person({ familyName: 'Núñez García', givenName: 'María José', displayName: 'María José Núñez García', organisation: 'Junta Electoral Central',
      country: 'ES', email: 'mj.nunez@example.es', categoryCode: 'observer', phone: '+34 91 123 45 67' }),
    person({ familyName: 'Müller', givenName: 'Jürgen', displayName: 'Jürgen Müller', organisation: 'Bundeswahlleiter', country: 'DE',
      email: 'j.mueller@example.de', phone: '+49 611 75 4863' }),
    person({ familyName: 'Dupont', givenName: 'Françoise', displayName: 'Françoise Dupont', organisation: 'Conseil d’État; service «Élections»',
      country: 'FR', email: 'f.dupont@example.fr', categoryCode: 'press' }),
    person({ familyName: 'Ørsted', givenName: 'Søren', displayName: 'Søren Ørsted', organisation: 'Valgnævnet — sekretariatet', country: 'DK',
      email: 'soren@example.dk', phone: '+45 72 28 24 00' }),
  ]);
});

const EXPORT_TEXT = `Registration ID\tFamily name\tGiven name\tName in native script\tOrganisation\tCountry\tEmail\tCategory\tLanguages
GEV-101\tAl-Hashimi\tFatima\tفاطمة الهاشمي\tIndependent High Electoral Commission\tIraq\tf.hashimi@example.iq\tDelegate\tArabic, English
GEV-102\tJaidee\tSomchai\tสมชาย ใจดี\tElection Commission of Thailand\tTH\tsomchai@example.th\tObserver\tth
GEV-103\tPapadopoulou\tEleni\tΕλένη Παπαδοπούλου\tMinistry of Interior\tGRC\teleni@example.gr\tSpeaker\tel; en; fr
`;

const EXPORT_PEOPLE: Expected[] = [
  person({ externalId: 'GEV-101', familyName: 'Al-Hashimi', givenName: 'Fatima', displayName: 'Fatima Al-Hashimi', nativeName: 'فاطمة الهاشمي',
    nativeNameLang: 'ar', organisation: 'Independent High Electoral Commission', country: 'IQ', email: 'f.hashimi@example.iq', languages: ['ar', 'en'] }),
  person({ externalId: 'GEV-102', familyName: 'Jaidee', givenName: 'Somchai', displayName: 'Somchai Jaidee', nativeName: 'สมชาย ใจดี', nativeNameLang: 'th',
    organisation: 'Election Commission of Thailand', country: 'TH', email: 'somchai@example.th', categoryCode: 'observer', languages: ['th'] }),
  person({ externalId: 'GEV-103', familyName: 'Papadopoulou', givenName: 'Eleni', displayName: 'Eleni Papadopoulou', nativeName: 'Ελένη Παπαδοπούλου',
    nativeNameLang: 'el', organisation: 'Ministry of Interior', country: 'GR', email: 'eleni@example.gr', categoryCode: 'speaker', languages: ['el', 'en', 'fr'] }),
];

test('Excel "Unicode Text": UTF-16LE with a BOM, tab-separated, Arabic, Thai and Greek names', async () => {
  const bytes = encoded(EXPORT_TEXT, 'utf-16le', true);
  expect(await readTable(bytes, 'export.txt', {})).toMatchObject({ format: 'unicode_text', encoding: 'utf-16le', delimiter: '\t' });
  expect((await importInto(bytes, 'export.txt')).people).toEqual(EXPORT_PEOPLE);
});

test('UTF-16BE with a BOM', async () => {
  const bytes = encoded(EXPORT_TEXT, 'utf-16be', true);
  expect(await readTable(bytes, 'export.txt', {})).toMatchObject({ encoding: 'utf-16be', delimiter: '\t' });
  expect((await importInto(bytes, 'export.txt')).people).toEqual(EXPORT_PEOPLE);
});

test('UTF-8 with and without a BOM, as a comma CSV', async () => {
  const csv = EXPORT_TEXT.replace(/\t/gu, ',').replace('el; en; fr', '"el, en, fr"').replace('Arabic, English', '"Arabic, English"');
  for (const bom of [true, false]) {
    const bytes = encoded(csv, 'utf-8', bom);
    expect(await readTable(bytes, 'export.csv', {})).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',' });
    expect((await importInto(bytes, 'export.csv')).people).toEqual(EXPORT_PEOPLE);
  }
});

test('Shift_JIS: Japanese names with a space, family name first', async () => {
  const csv = `Name,Organisation,Country,Email\n山田 太郎,総務省選挙部,日本,yamada@example.jp\n佐藤 花子,中央選挙管理会,Japan,sato@example.jp\n`;
  const bytes = encoded(csv, 'shift_jis');
  expect(await readTable(bytes, 'japan.csv', {})).toMatchObject({ encoding: 'shift_jis' });
  expect((await importInto(bytes, 'japan.csv')).people).toEqual([
    person({ familyName: '山田', givenName: '太郎', displayName: '山田 太郎', nativeName: '山田 太郎', nativeNameLang: 'ja', organisation: '総務省選挙部', country: 'JP', email: 'yamada@example.jp' }),
    person({ familyName: '佐藤', givenName: '花子', displayName: '佐藤 花子', nativeName: '佐藤 花子', nativeNameLang: 'ja', organisation: '中央選挙管理会', country: 'JP', email: 'sato@example.jp' }),
  ]);
});

test('GB18030: Chinese headers, one-cell names split after the (compound) surname', async () => {
  const csv = `姓名,单位,国家,电子邮件\n王伟,全国人民代表大会,中国,wang.wei@example.cn\n欧阳娜娜,选举委员会,中国,ouyang@example.cn\n`;
  const bytes = encoded(csv, 'gb18030');
  expect(await readTable(bytes, 'china.csv', {})).toMatchObject({ encoding: 'gb18030' });
  expect((await importInto(bytes, 'china.csv')).people).toEqual([
    person({ familyName: '王', givenName: '伟', displayName: '王伟', nativeName: '王伟', nativeNameLang: 'zh-Hans', organisation: '全国人民代表大会', country: 'CN', email: 'wang.wei@example.cn' }),
    person({ familyName: '欧阳', givenName: '娜娜', displayName: '欧阳娜娜', nativeName: '欧阳娜娜', nativeNameLang: 'zh-Hans', organisation: '选举委员会', country: 'CN', email: 'ouyang@example.cn' }),
  ]);
});

test('Windows-1251: Russian headers and Cyrillic names', async () => {
  const csv = `Фамилия;Имя;Организация;Страна;Эл. почта;Должность\nИванова;Ольга;Центральная избирательная комиссия;Россия;olga@example.ru;Член комиссии\nСәрсенов;Ерлан;ЦИК Казахстана;Казахстан;erlan@example.kz;Эксперт\n`.replace('Сәрсенов', 'Сарсенов');
  const bytes = encoded(csv, 'windows-1251');
  expect(await readTable(bytes, 'russia.csv', {})).toMatchObject({ encoding: 'windows-1251', delimiter: ';' });
  expect((await importInto(bytes, 'russia.csv')).people).toEqual([
    person({ familyName: 'Иванова', givenName: 'Ольга', displayName: 'Ольга Иванова', nativeName: 'Ольга Иванова', nativeNameLang: 'ru',
      organisation: 'Центральная избирательная комиссия', country: 'RU', email: 'olga@example.ru', position: 'Член комиссии' }),
    person({ familyName: 'Сарсенов', givenName: 'Ерлан', displayName: 'Ерлан Сарсенов', nativeName: 'Ерлан Сарсенов', nativeNameLang: 'kk',
      organisation: 'ЦИК Казахстана', country: 'KZ', email: 'erlan@example.kz', position: 'Эксперт' }),
  ]);
});

test('the encoding can be overridden: the same CP949 bytes read as Windows-1252 give other text', async () => {
  const bytes = encoded(KOREAN_CSV, 'cp949');
  const wrong = await readTable(bytes, 'x.csv', { encoding: 'windows-1252' });
  expect(wrong.encoding).toBe('windows-1252');
  expect(wrong.rows[1]![1]).not.toBe('김민준');
  expect((await readTable(bytes, 'x.csv', { encoding: 'cp949' })).rows[1]![1]).toBe('김민준');
});
