import { expect, test } from 'vitest';
import { lookupCountry } from './country_lookup';
import { lookupLanguage, splitLanguages } from './language_lookup';
import { suggestMapping } from './suggest_mapping';

const targets = (headers: string[], samples: string[][] = []) => suggestMapping(headers, samples).map((s) => s.target);

test('registration-system exports: pretix, Indico and Hi.Events style headers', () => {
  expect(targets(['Order code', 'Attendee name', 'Attendee name: Title', 'Attendee name: Given name', 'Attendee name: Family name', 'Company', 'Email', 'Product', 'Passport No.']))
    .toEqual(['externalId', 'displayName', 'title', 'givenName', 'familyName', 'organisation', 'email', 'category', 'ignore']);
  expect(targets(['Registration ID', 'First Name', 'Last Name', 'Affiliation', 'Position', 'Country', 'Email Address', 'Registration Type']))
    .toEqual(['externalId', 'givenName', 'familyName', 'organisation', 'position', 'country', 'email', 'category']);
  expect(targets(['Ticket ID', 'First name', 'Last name', 'Attendee email', 'Ticket type', 'Phone']))
    .toEqual(['externalId', 'givenName', 'familyName', 'email', 'category', 'phone']);
});

test('headers in Korean, French, Spanish and Russian', () => {
  expect(targets(['순번', '성명', '소속', '직위', '국적', '이메일', '휴대폰', '구분', '비고'], [['1', '2', '3']]))
    .toEqual(['ignore', 'fullName', 'organisation', 'position', 'country', 'email', 'phone', 'category', 'notes']);
  expect(targets(['Civilité', 'Nom', 'Prénom', 'Organisme', 'Fonction', 'Pays', 'Courriel', 'Téléphone', 'Régime alimentaire']))
    .toEqual(['title', 'familyName', 'givenName', 'organisation', 'position', 'country', 'email', 'phone', 'notes']);
  expect(targets(['Apellidos', 'Nombre', 'Institución', 'Cargo', 'País', 'Correo electrónico', 'Delegación', 'Jefe de delegación']))
    .toEqual(['familyName', 'givenName', 'organisation', 'position', 'country', 'email', 'delegation', 'headOfDelegation']);
  expect(targets(['Фамилия', 'Имя', 'Организация', 'Должность', 'Страна', 'Эл. почта', 'Делегация', 'Языки']))
    .toEqual(['familyName', 'givenName', 'organisation', 'position', 'country', 'email', 'delegation', 'languages']);
  // Alone, "Nombre" and "이름" are the whole name.
  expect(targets(['Nombre', 'Email'])).toEqual(['fullName', 'email']);
  expect(targets(['이름', '이메일'])).toEqual(['fullName', 'email']);
});

test('values settle what headers cannot: honorifics or job titles, e-mails and countries without a header', () => {
  expect(targets(['Title', 'Name'], [['Mr', 'Dr', 'H.E.'], []])).toEqual(['title', 'fullName']);
  expect(targets(['Title', 'Name'], [['Director', 'Chief Electoral Officer'], []])).toEqual(['position', 'fullName']);
  expect(targets(['Name', '', 'x'], [[], ['a@example.org', 'b@example.org'], ['Korea', 'FRA', 'Deutschland']])).toEqual(['fullName', 'email', 'country']);
  // Serial numbers are not ids; a "No." column holding registration codes is.
  expect(targets(['No.', 'Name'], [['1', '2', '3'], []])).toEqual(['ignore', 'fullName']);
  expect(targets(['No.', 'Name'], [['R-17', 'R-22'], []])).toEqual(['externalId', 'fullName']);
});

test('countries and languages in many forms', () => {
  const countries: Array<[string, string]> = [
    ['KR', 'KR'], ['kor', 'KR'], ['Republic of Korea', 'KR'], ['Korea, Republic of', 'KR'], ['대한민국', 'KR'], ['Corée du Sud', 'KR'],
    ['Россия', 'RU'], ['Alemania', 'DE'], ['Côte d’Ivoire', 'CI'], ['Ivory Coast', 'CI'], ['UK', 'GB'], ['Bolivia (Plurinational State of)', 'BO'],
    ['Türkiye', 'TR'], ['中国', 'CN'], ['日本', 'JP'], ['المغرب', 'MA'],
  ];
  for (const [text, code] of countries) expect(lookupCountry(text), text).toBe(code);
  expect(lookupCountry('Narnia')).toBeNull();
  expect(splitLanguages('English, French; 영어/불어 and Русский').map(lookupLanguage)).toEqual(['en', 'fr', 'en', 'fr', 'ru']);
  expect(['en-GB', 'fra', 'Spanish (fluent)', 'العربية', 'Klingon'].map(lookupLanguage)).toEqual(['en', 'fr', 'es', 'ar', null]);
});
