/** Demo delegations from Asia. Every person is made up. */
import { person, type DemoDelegation } from './demo_people';

const MN = 'General Election Commission of Mongolia';
const KZ = 'Central Election Commission of the Republic of Kazakhstan';
const JP = 'Election Department, Ministry of Internal Affairs and Communications';
const SG = 'Elections Department Singapore';
const TH = 'Office of the Election Commission of Thailand';
const VN = 'National Election Council of Viet Nam';
const PH = "Citizens' Ballot Watch Philippines";

/** Delegations from Mongolia, Kazakhstan, Japan, Singapore, Thailand, Viet Nam and the Philippines. */
export const DEMO_DELEGATIONS_ASIA: readonly DemoDelegation[] = [
  {
    name: 'Mongolia', country: 'MN', head: 'Ganbold Batbayar',
    members: [
      // Mongolian names put the patronymic (genitive) before the given name.
      person({ title: 'Mr', familyName: 'Batbayar', givenName: 'Ganbold', nativeName: 'Батбаярын Ганболд', nativeNameLang: 'mn',
        displayName: 'Ganbold Batbayar', organisation: MN, position: 'Member of the Commission', country: 'MN',
        categoryCode: 'delegate', languages: ['mn', 'en', 'ru'], email: 'ganbold.batbayar@example.org',
        phone: '+976 9911 2034', protocolOrder: 1 }),
      person({ title: 'Ms', familyName: 'Dorjsuren', givenName: 'Oyunchimeg',
        nativeName: 'Доржсүрэнгийн Оюунчимэг', nativeNameLang: 'mn',
        displayName: 'Oyunchimeg Dorjsuren', organisation: MN, position: 'Head, Voter Registration Division', country: 'MN',
        categoryCode: 'delegate', languages: ['mn', 'ru'], email: 'oyunchimeg.dorjsuren@example.org',
        phone: '+976 8808 4471', protocolOrder: 2 }),
      person({ title: 'Mr', familyName: 'Enkhbat', givenName: 'Temuulen', nativeName: 'Энхбатын Тэмүүлэн', nativeNameLang: 'mn',
        displayName: 'Temuulen Enkhbat', organisation: MN, position: 'Information Technology Officer', country: 'MN',
        categoryCode: 'delegate', languages: ['mn', 'en'], email: 'temuulen.enkhbat@example.org',
        phone: '+976 9515 7720', protocolOrder: 3, notes: 'Arrives 2 December (late flight).' }),
    ],
  },
  {
    name: 'Kazakhstan', country: 'KZ', head: 'Yerlan Sarsenbayev',
    members: [
      person({ title: 'Mr', familyName: 'Sarsenbayev', givenName: 'Yerlan', nativeName: 'Ерлан Сәрсенбаев', nativeNameLang: 'kk',
        displayName: 'Yerlan Sarsenbayev', organisation: KZ, position: 'Deputy Chairperson', country: 'KZ',
        categoryCode: 'delegate', languages: ['kk', 'ru', 'en'], email: 'yerlan.sarsenbayev@example.org',
        phone: '+7 701 555 2843', protocolOrder: 1 }),
      person({ title: 'Ms', familyName: 'Tulegenova', givenName: 'Aigerim',
        nativeName: 'Әйгерім Төлегенова', nativeNameLang: 'kk',
        displayName: 'Aigerim Tulegenova', organisation: KZ, position: 'Secretary of the Commission', country: 'KZ',
        categoryCode: 'delegate', languages: ['kk', 'ru', 'en'], email: 'aigerim.tulegenova@example.org',
        phone: '+7 707 555 1962', protocolOrder: 2 }),
      person({ title: 'Mr', familyName: 'Zhakupov', givenName: 'Daniyar', nativeName: 'Данияр Жақыпов', nativeNameLang: 'kk',
        displayName: 'Daniyar Zhakupov', organisation: KZ, position: 'Legal Adviser', country: 'KZ',
        categoryCode: 'delegate', languages: ['kk', 'ru'], email: 'daniyar.zhakupov@example.org',
        phone: '+7 702 555 7310', protocolOrder: 3, notes: 'Wheelchair user: step-free route' }),
    ],
  },
  {
    name: 'Japan', country: 'JP', head: 'Takahashi Kenji',
    members: [
      // Japanese names are shown family name first, as the Japanese government asks.
      person({ title: 'Mr', familyName: 'Takahashi', givenName: 'Kenji', nativeName: '高橋 健二', nativeNameLang: 'ja',
        displayName: 'Takahashi Kenji', organisation: JP, position: 'Director, Election Division', country: 'JP',
        categoryCode: 'delegate', languages: ['ja', 'en'], email: 'kenji.takahashi@example.org',
        phone: '+81 90-5512-3478', protocolOrder: 1 }),
      person({ title: 'Ms', familyName: 'Nakamura', givenName: 'Aya', nativeName: '中村 彩', nativeNameLang: 'ja',
        displayName: 'Nakamura Aya', organisation: JP, position: 'Deputy Director, Voting Systems Office', country: 'JP',
        categoryCode: 'delegate', languages: ['ja', 'en'], email: 'aya.nakamura@example.org',
        phone: '+81 80-3391-6625', protocolOrder: 2 }),
      person({ title: 'Mr', familyName: 'Morita', givenName: 'Shun', nativeName: '森田 駿', nativeNameLang: 'ja',
        displayName: 'Morita Shun', organisation: JP, position: 'Section Chief', country: 'JP',
        categoryCode: 'delegate', languages: ['ja'], email: 'shun.morita@example.org',
        phone: '+81 90-7748-2106', protocolOrder: 3, notes: 'Speaks little English: seat next to Ms Nakamura.' }),
    ],
  },
  {
    name: 'Singapore', country: 'SG', head: 'Tan Wei Ming',
    members: [
      person({ title: 'Mr', familyName: 'Tan', givenName: 'Wei Ming', nativeName: '陈伟明', nativeNameLang: 'zh-Hans',
        displayName: 'Tan Wei Ming', organisation: SG, position: 'Deputy Director, Operations', country: 'SG',
        categoryCode: 'delegate', languages: ['en', 'zh'], email: 'weiming.tan@example.org',
        phone: '+65 9155 0182', protocolOrder: 1 }),
      // Malay names have no family name; the passport splits them as below.
      person({ title: 'Ms', familyName: 'Binte Abdul Rahman', givenName: 'Nurul Aisyah',
        nativeName: 'Nurul Aisyah Binte Abdul Rahman', nativeNameLang: null,
        displayName: 'Nurul Aisyah Binte Abdul Rahman', organisation: SG,
        position: 'Senior Manager, Voter Services', country: 'SG',
        categoryCode: 'delegate', languages: ['en', 'ms'], email: 'nurul.aisyah@example.org',
        phone: '+65 8155 0237', protocolOrder: 2, notes: 'Halal meals' }),
    ],
  },
  {
    name: 'Thailand', country: 'TH', head: 'Thanawat Srisuwan',
    members: [
      person({ title: 'Mr', familyName: 'Srisuwan', givenName: 'Thanawat', nativeName: 'ธนวัฒน์ ศรีสุวรรณ', nativeNameLang: 'th',
        displayName: 'Thanawat Srisuwan', organisation: TH, position: 'Deputy Secretary-General', country: 'TH',
        categoryCode: 'delegate', languages: ['th', 'en'], email: 'thanawat.srisuwan@example.org',
        phone: '+66 81 555 2046', protocolOrder: 1 }),
      // Long on purpose: badges and lists must fit a Thai surname of this length.
      person({ title: 'Ms', familyName: 'Chaiyaphumthanasombat', givenName: 'Kanokwan',
        nativeName: 'กนกวรรณ ไชยภูมิธนาสมบัติ', nativeNameLang: 'th',
        displayName: 'Kanokwan Chaiyaphumthanasombat', organisation: TH,
        position: 'Director, Bureau of Voting and Counting Technology', country: 'TH',
        categoryCode: 'delegate', languages: ['th', 'en'], email: 'kanokwan.c@example.org',
        phone: '+66 89 555 7731', protocolOrder: 2 }),
      person({ title: 'Mr', familyName: 'Thongdee', givenName: 'Pakorn', nativeName: 'ปกรณ์ ทองดี', nativeNameLang: 'th',
        displayName: 'Pakorn Thongdee', organisation: TH, position: 'Election Officer', country: 'TH',
        categoryCode: 'observer', languages: ['th'], email: 'pakorn.thongdee@example.org',
        phone: '+66 92 555 4408', protocolOrder: 3 }),
    ],
  },
  {
    name: 'Viet Nam', country: 'VN', head: 'Nguyễn Đức Hải',
    members: [
      person({ title: 'Mr', familyName: 'Nguyen', givenName: 'Duc Hai', nativeName: 'Nguyễn Đức Hải', nativeNameLang: 'vi',
        displayName: 'Nguyễn Đức Hải', organisation: VN, position: 'Deputy Head, Secretariat', country: 'VN',
        categoryCode: 'delegate', languages: ['vi', 'en', 'ru'], email: 'nguyen.duchai@example.org',
        phone: '+84 91 555 3817', protocolOrder: 1 }),
      person({ title: 'Ms', familyName: 'Tran', givenName: 'Thi Minh Thu', nativeName: 'Trần Thị Minh Thư', nativeNameLang: 'vi',
        displayName: 'Trần Thị Minh Thư', organisation: VN, position: 'Legal Affairs Specialist', country: 'VN',
        categoryCode: 'delegate', languages: ['vi', 'en', 'fr'], email: 'tran.minhthu@example.org',
        phone: '+84 98 555 6620', protocolOrder: 2 }),
    ],
  },
  {
    name: 'Philippines', country: 'PH', head: 'Ramon Salazar',
    members: [
      person({ title: 'Atty.', familyName: 'Salazar', givenName: 'Ramon', nativeName: 'Ramon Salazar', nativeNameLang: null,
        displayName: 'Ramon Salazar', organisation: PH, position: 'National Coordinator', country: 'PH',
        categoryCode: 'observer', languages: ['fil', 'en'], email: 'ramon.salazar@example.org',
        phone: '+63 917 555 0463', protocolOrder: 1 }),
      person({ title: 'Ms', familyName: 'Manalo', givenName: 'Patricia', nativeName: 'Patricia Manalo', nativeNameLang: null,
        displayName: 'Patricia Manalo', organisation: PH, position: 'Observation Programme Officer', country: 'PH',
        categoryCode: 'observer', languages: ['fil', 'en'], email: 'patricia.manalo@example.org',
        phone: '+63 918 555 2290', protocolOrder: 2 }),
    ],
  },
];
