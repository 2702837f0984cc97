/**
 * Demo delegations from Europe. Every person is made up. Latin family and given names are
 * written as in the passport's machine-readable zone (no diacritics), the native name as the
 * person writes it, so that search works with or without the accents.
 */
import { person, type DemoDelegation } from './demo_people';

const UA = 'Central Election Commission of Ukraine';
const BG = 'Central Election Commission of Bulgaria';
const PL = 'National Electoral Office of Poland';
const CZ = 'State Election Commission of the Czech Republic';
const FR = 'Ministry of the Interior, Elections Office';
const TR = 'Supreme Election Council of Türkiye';
const IS = 'National Electoral Commission of Iceland';

/** Delegations from Ukraine, Bulgaria, Poland, Czechia, France, Türkiye and Iceland. */
export const DEMO_DELEGATIONS_EUROPE: readonly DemoDelegation[] = [
  {
    name: 'Ukraine', country: 'UA', head: 'Olena Kovalchuk',
    members: [
      person({ title: 'Ms', familyName: 'Kovalchuk', givenName: 'Olena', nativeName: 'Олена Ковальчук', nativeNameLang: 'uk',
        displayName: 'Olena Kovalchuk', organisation: UA, position: 'Member of the Commission', country: 'UA',
        categoryCode: 'delegate', languages: ['uk', 'en'], email: 'olena.kovalchuk@example.org',
        phone: '+380 67 555 1834', protocolOrder: 1 }),
      person({ title: 'Mr', familyName: 'Ostapenko', givenName: 'Bohdan', nativeName: 'Богдан Остапенко', nativeNameLang: 'uk',
        displayName: 'Bohdan Ostapenko', organisation: UA, position: 'Head, Department of International Relations', country: 'UA',
        categoryCode: 'delegate', languages: ['uk', 'en', 'pl'], email: 'bohdan.ostapenko@example.org',
        phone: '+380 50 555 7206', protocolOrder: 2 }),
      person({ title: 'Ms', familyName: 'Levchenko', givenName: 'Iryna', nativeName: 'Ірина Левченко', nativeNameLang: 'uk',
        displayName: 'Iryna Levchenko', organisation: UA, position: 'Chief Specialist, State Voter Register', country: 'UA',
        categoryCode: 'delegate', languages: ['uk', 'en'], email: 'iryna.levchenko@example.org',
        phone: '+380 63 555 4419', protocolOrder: 3 }),
    ],
  },
  {
    name: 'Bulgaria', country: 'BG', head: 'Desislava Georgieva',
    members: [
      person({ title: 'Ms', familyName: 'Georgieva', givenName: 'Desislava',
        nativeName: 'Десислава Георгиева', nativeNameLang: 'bg',
        displayName: 'Desislava Georgieva', organisation: BG, position: 'Deputy Chairperson', country: 'BG',
        categoryCode: 'delegate', languages: ['bg', 'en', 'ru'], email: 'desislava.georgieva@example.org',
        phone: '+359 88 555 2017', protocolOrder: 1 }),
      person({ title: 'Mr', familyName: 'Petrov', givenName: 'Kaloyan', nativeName: 'Калоян Петров', nativeNameLang: 'bg',
        displayName: 'Kaloyan Petrov', organisation: BG, position: 'Member of the Commission', country: 'BG',
        categoryCode: 'delegate', languages: ['bg', 'en'], email: 'kaloyan.petrov@example.org',
        phone: '+359 87 555 6340', protocolOrder: 2 }),
    ],
  },
  {
    name: 'Poland', country: 'PL', head: 'Małgorzata Wiśniewska',
    members: [
      person({ title: 'Ms', familyName: 'Wisniewska', givenName: 'Malgorzata',
        nativeName: 'Małgorzata Wiśniewska', nativeNameLang: 'pl',
        displayName: 'Małgorzata Wiśniewska', organisation: PL, position: 'Director, Department of Elections', country: 'PL',
        categoryCode: 'delegate', languages: ['pl', 'en'], email: 'malgorzata.wisniewska@example.org',
        phone: '+48 601 555 284', protocolOrder: 1 }),
      person({ title: 'Mr', familyName: 'Zielinski', givenName: 'Pawel', nativeName: 'Paweł Zieliński', nativeNameLang: 'pl',
        displayName: 'Paweł Zieliński', organisation: PL, position: 'Chief Specialist, IT Systems', country: 'PL',
        categoryCode: 'delegate', languages: ['pl', 'en', 'uk'], email: 'pawel.zielinski@example.org',
        phone: '+48 512 555 907', protocolOrder: 2 }),
    ],
  },
  {
    name: 'Czechia', country: 'CZ', head: 'Ondřej Kučera',
    members: [
      person({ title: 'Mr', familyName: 'Kucera', givenName: 'Ondrej', nativeName: 'Ondřej Kučera', nativeNameLang: 'cs',
        displayName: 'Ondřej Kučera', organisation: CZ, position: 'Head of Unit, Elections', country: 'CZ',
        categoryCode: 'delegate', languages: ['cs', 'en', 'de'], email: 'ondrej.kucera@example.org',
        phone: '+420 602 555 318', protocolOrder: 1 }),
      person({ title: 'Ms', familyName: 'Stastna', givenName: 'Lenka', nativeName: 'Lenka Šťastná', nativeNameLang: 'cs',
        displayName: 'Lenka Šťastná', organisation: CZ, position: 'Election Administration Officer', country: 'CZ',
        categoryCode: 'delegate', languages: ['cs', 'en'], email: 'lenka.stastna@example.org',
        phone: '+420 731 555 462', protocolOrder: 2, notes: 'Vegetarian' }),
    ],
  },
  {
    name: 'France', country: 'FR', head: 'Hélène Lefèvre',
    members: [
      person({ title: 'Ms', familyName: 'Lefevre', givenName: 'Helene', nativeName: 'Hélène Lefèvre', nativeNameLang: 'fr',
        displayName: 'Hélène Lefèvre', organisation: FR, position: 'Deputy Head, Elections Office', country: 'FR',
        categoryCode: 'delegate', languages: ['fr', 'en'], email: 'helene.lefevre@example.org',
        phone: '+33 6 41 27 83 05', protocolOrder: 1 }),
      person({ title: 'Mr', familyName: 'Besnard', givenName: 'Francois', nativeName: 'François Besnard', nativeNameLang: 'fr',
        displayName: 'François Besnard', organisation: FR, position: 'Policy Officer, Electoral Law', country: 'FR',
        categoryCode: 'delegate', languages: ['fr', 'es'], email: 'francois.besnard@example.org',
        phone: '+33 7 58 14 62 39', protocolOrder: 2, notes: 'Needs French interpretation' }),
    ],
  },
  {
    name: 'Türkiye', country: 'TR', head: 'Burak Öztürk',
    members: [
      person({ title: 'Mr', familyName: 'Ozturk', givenName: 'Burak', nativeName: 'Burak Öztürk', nativeNameLang: 'tr',
        displayName: 'Burak Öztürk', organisation: TR, position: 'Member of the Council', country: 'TR',
        categoryCode: 'delegate', languages: ['tr', 'en'], email: 'burak.ozturk@example.org',
        phone: '+90 532 555 4127', protocolOrder: 1 }),
      person({ title: 'Ms', familyName: 'Sahin', givenName: 'Zeynep', nativeName: 'Zeynep Şahin', nativeNameLang: 'tr',
        displayName: 'Zeynep Şahin', organisation: TR, position: 'Rapporteur Judge', country: 'TR',
        categoryCode: 'delegate', languages: ['tr', 'en', 'de'], email: 'zeynep.sahin@example.org',
        phone: '+90 533 555 8064', protocolOrder: 2 }),
    ],
  },
  {
    name: 'Iceland', country: 'IS', head: 'Guðrún Sigurðardóttir',
    members: [
      person({ title: 'Ms', familyName: 'Sigurdardottir', givenName: 'Gudrun',
        nativeName: 'Guðrún Sigurðardóttir', nativeNameLang: 'is',
        displayName: 'Guðrún Sigurðardóttir', organisation: IS, position: 'Chairperson', country: 'IS',
        categoryCode: 'delegate', languages: ['is', 'en', 'da'], email: 'gudrun.sigurdardottir@example.org',
        phone: '+354 690 5512', protocolOrder: 1 }),
      person({ title: 'Mr', familyName: 'Ragnarsson', givenName: 'Thordur', nativeName: 'Þórður Ragnarsson', nativeNameLang: 'is',
        displayName: 'Þórður Ragnarsson', organisation: IS, position: 'Legal Officer', country: 'IS',
        categoryCode: 'observer', languages: ['is', 'en'], email: 'thordur.ragnarsson@example.org',
        phone: '+354 772 4108', protocolOrder: 2, notes: 'Vegetarian' }),
    ],
  },
];
