/**
 * Korean templates: the National Assembly election (a constituency ballot and a proportional
 * party-list ballot) and the local elections (several ballots in one visit). The presidential
 * template is the demo event's election. Candidates are made up. Paper colours follow the
 * NEC's practice of one colour per ballot; the exact shades are illustrative.
 */
import type { ElectionDefinitionInput } from '../../../contract';
import { candidate, partyRow, text } from './template_parties';

const NA_TITLE = text('Mock 23rd National Assembly Election', '모의 제23대 국회의원선거', {
  fr: "Simulation des 23e élections à l'Assemblée nationale", es: 'Simulacro de las 23.ª elecciones a la Asamblea Nacional',
  ru: 'Учебные 23-и выборы в Национальное собрание', ar: 'محاكاة انتخابات الجمعية الوطنية الثالثة والعشرين',
  pt: 'Simulação da 23.ª eleição para a Assembleia Nacional', zh: '第23届国会议员模拟选举', ja: '第23代国会議員模擬選挙',
});

/** National Assembly: one constituency member by plurality, 46 list seats by semi-linked MMP. */
export const KR_NATIONAL_ASSEMBLY: ElectionDefinitionInput = {
  title: NA_TITLE,
  template: 'kr-national-assembly',
  languages: ['en', 'ko'],
  contests: [
    {
      id: 'constituency',
      title: text('Constituency member', '지역구국회의원', { fr: 'Député de circonscription', es: 'Diputado de distrito', ru: 'Депутат по округу', ar: 'نائب الدائرة', pt: 'Deputado do círculo', zh: '地区选区议员', ja: '地域区議員' }),
      district: text('Hanbit-gu A constituency', '한빛구갑', { fr: 'Circonscription Hanbit-gu A', es: 'Distrito Hanbit-gu A', ru: 'Округ Ханбит-гу A', ar: 'دائرة هانبيت-غو أ', pt: 'Círculo Hanbit-gu A', zh: '韩光区甲', ja: 'ハンビット区甲' }),
      type: 'plurality',
      seats: 1,
      ballotColour: '#f7f7f2',
      options: [
        candidate(1, 'jung-minho', 'Jung Min-ho', '정민호', 'hanbit'),
        candidate(2, 'kang-yerin', 'Kang Ye-rin', '강예린', 'bluesea'),
        candidate(3, 'cho-hyunwoo', 'Cho Hyun-woo', '조현우', 'dawn'),
        candidate(5, 'yoon-seoah', 'Yoon Seo-ah', '윤서아', 'breeze'),
        candidate(8, 'shin-dongwook', 'Shin Dong-wook', '신동욱', null),
      ],
    },
    {
      id: 'proportional',
      title: text('Proportional representation', '비례대표국회의원', { fr: 'Représentation proportionnelle', es: 'Representación proporcional', ru: 'Пропорциональное представительство', ar: 'التمثيل النسبي', pt: 'Representação proporcional', zh: '比例代表议员', ja: '比例代表議員' }),
      type: 'party_list',
      seats: 46,
      // The PR ballot is light green, so voters and counters never mix it up with the white one.
      ballotColour: '#dcefd0',
      allocation: { method: 'kr_semi_linked_mmp', thresholdPct: 3, thresholdDistrictSeats: 5, assemblySize: 300 },
      demonstrateInvalid: true,
      options: [partyRow(1, 'hanbit'), partyRow(2, 'bluesea'), partyRow(3, 'dawn'), partyRow(4, 'milkyway'), partyRow(5, 'breeze'), partyRow(6, 'greenfield'), partyRow(7, 'lantern')],
    },
  ],
};

/** Local elections: mayor, metropolitan council, district council (SNTV), council list. */
export const KR_LOCAL: ElectionDefinitionInput = {
  title: text('Mock 9th Nationwide Local Elections', '모의 제9회 전국동시지방선거', {
    fr: 'Simulation des 9e élections locales', es: 'Simulacro de las 9.ª elecciones locales', ru: 'Учебные 9-е местные выборы',
    ar: 'محاكاة الانتخابات المحلية التاسعة', pt: 'Simulação das 9.ª eleições locais', zh: '第9届全国同时地方模拟选举', ja: '第9回全国同時地方模擬選挙',
  }),
  template: 'kr-local',
  languages: ['en', 'ko'],
  contests: [
    {
      id: 'mayor',
      title: text('Metropolitan mayor', '시장', { fr: 'Maire de la métropole', es: 'Alcalde metropolitano', ru: 'Мэр города', ar: 'عمدة المدينة', pt: 'Presidente da câmara', zh: '市长', ja: '市長' }),
      type: 'plurality',
      seats: 1,
      ballotColour: '#f6ecd2',
      options: [
        candidate(1, 'park-jiwon', 'Park Ji-won', '박지원', 'hanbit'),
        candidate(2, 'choi-sungmin', 'Choi Sung-min', '최성민', 'bluesea'),
        candidate(4, 'hwang-miyoung', 'Hwang Mi-young', '황미영', 'milkyway'),
      ],
    },
    {
      id: 'metro-council',
      title: text('Metropolitan council member', '시의회의원', { fr: 'Conseiller métropolitain', es: 'Concejal metropolitano', ru: 'Депутат городского совета', ar: 'عضو مجلس المدينة', pt: 'Deputado municipal', zh: '市议会议员', ja: '市議会議員' }),
      district: text('Hanbit-gu 1st district', '한빛구 제1선거구'),
      type: 'plurality',
      seats: 1,
      ballotColour: '#e3ecf7',
      options: [
        candidate(1, 'lee-sojin', 'Lee So-jin', '이소진', 'hanbit'),
        candidate(2, 'moon-jaehyun', 'Moon Jae-hyun', '문재현', 'bluesea'),
        candidate(3, 'ahn-boram', 'Ahn Bo-ram', '안보람', 'dawn'),
      ],
    },
    {
      // Municipal wards elect 2–4 members, and each voter marks one name: SNTV.
      id: 'district-council',
      title: text('District council member', '구의회의원', { fr: 'Conseiller de district', es: 'Concejal de distrito', ru: 'Депутат районного совета', ar: 'عضو مجلس الحي', pt: 'Vereador de distrito', zh: '区议会议员', ja: '区議会議員' }),
      district: text('Ward "Ga"', '가선거구'),
      type: 'sntv',
      seats: 3,
      ballotColour: '#f3e1ea',
      demonstrateInvalid: true,
      options: [
        candidate(1, 'kim-hana', 'Kim Ha-na', '김하나', 'hanbit'),
        candidate(2, 'kim-dool', 'Kim Dul', '김두리', 'hanbit'),
        candidate(3, 'seo-yejin', 'Seo Ye-jin', '서예진', 'bluesea'),
        candidate(4, 'nam-gunwoo', 'Nam Gun-woo', '남건우', 'bluesea'),
        candidate(5, 'ha-eunji', 'Ha Eun-ji', '하은지', 'dawn'),
        candidate(6, 'pyo-jiho', 'Pyo Ji-ho', '표지호', null),
      ],
    },
    {
      id: 'council-list',
      title: text('District council, proportional', '구의회의원 비례대표', { fr: 'Conseil de district, proportionnelle', es: 'Concejo de distrito, proporcional', ru: 'Районный совет, пропорциональная система', ar: 'مجلس الحي، التمثيل النسبي', pt: 'Vereação de distrito, proporcional', zh: '区议会比例代表', ja: '区議会比例代表' }),
      type: 'party_list',
      seats: 2,
      ballotColour: '#fbf3c4',
      // Local-council PR: parties with at least 5 % share the seats by largest remainder.
      allocation: { method: 'largest_remainder_hare', thresholdPct: 5 },
      options: [partyRow(1, 'hanbit'), partyRow(2, 'bluesea'), partyRow(3, 'dawn'), partyRow(4, 'milkyway')],
    },
  ],
};
