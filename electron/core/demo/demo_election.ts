/**
 * The demo mock election, shaped like a Korean presidential election: one plurality contest
 * on a white ballot, candidates numbered 1..N in ballot order (기호). Every candidate and party
 * is made up; none of the names belongs to a real Korean party or politician.
 */
import type { ElectionDefinitionInput } from '../../contract';

/** The mock presidential election for the experience room. */
export const DEMO_ELECTION: ElectionDefinitionInput = {
  title: {
    en: 'Mock 21st Presidential Election',
    ko: '모의 제21대 대통령선거',
    fr: 'Simulation de la 21e élection présidentielle',
    es: 'Simulacro de la 21.ª elección presidencial',
    ru: 'Учебные 21-е выборы Президента',
    ar: 'محاكاة الانتخابات الرئاسية الحادية والعشرين',
  },
  template: 'kr-presidential',
  contests: [
    {
      id: 'president',
      title: {
        en: 'President',
        ko: '대통령',
        fr: 'Président de la République',
        es: 'Presidente de la República',
        ru: 'Президент',
        ar: 'رئيس الجمهورية',
      },
      type: 'plurality',
      seats: 1,
      // Presidential ballots are printed on white paper; ivory reads as "paper" on screen.
      ballotColour: '#f6f3ea',
      // Ballot order as the law sets it: parties by seats held, then parties without seats, then independents.
      options: [
        {
          id: 'han-doyoon',
          symbol: 1,
          name: { en: 'Han Do-yoon', ko: '한도윤' },
          party: {
            en: 'Hanbit Hope Party',
            ko: '한빛희망당',
            fr: 'Parti Hanbit Espoir',
            es: 'Partido Esperanza Hanbit',
            ru: 'Партия «Надежда Ханбит»',
            ar: 'حزب أمل هانبيت',
          },
          colour: '#e0603a',
        },
        {
          id: 'oh-serin',
          symbol: 2,
          name: { en: 'Oh Se-rin', ko: '오세린' },
          party: {
            en: 'Blue Sea Party',
            ko: '푸른바다당',
            fr: 'Parti de la Mer bleue',
            es: 'Partido Mar Azul',
            ru: 'Партия «Синее море»',
            ar: 'حزب البحر الأزرق',
          },
          colour: '#1f6fb2',
        },
        {
          id: 'bae-taeho',
          symbol: 3,
          name: { en: 'Bae Tae-ho', ko: '배태호' },
          party: {
            en: 'Dawn Coalition',
            ko: '새벽연합',
            fr: "Coalition de l'Aube",
            es: 'Coalición del Alba',
            ru: 'Коалиция «Рассвет»',
            ar: 'ائتلاف الفجر',
          },
          colour: '#e8a317',
        },
        {
          id: 'song-haeun',
          symbol: 4,
          name: { en: 'Song Ha-eun', ko: '송하은' },
          party: {
            en: 'Milky Way Party',
            ko: '은하수당',
            fr: 'Parti de la Voie lactée',
            es: 'Partido Vía Láctea',
            ru: 'Партия «Млечный путь»',
            ar: 'حزب درب التبانة',
          },
          colour: '#6a4c93',
        },
        {
          id: 'lim-junseo',
          symbol: 5,
          name: { en: 'Lim Jun-seo', ko: '임준서' },
          party: {
            en: 'Breeze Party',
            ko: '산들바람당',
            fr: 'Parti de la Brise',
            es: 'Partido Brisa',
            ru: 'Партия «Бриз»',
            ar: 'حزب النسيم',
          },
          colour: '#2a9d8f',
        },
        {
          // An independent has no party; a real ballot prints 무소속 (independent) in the party column.
          id: 'yoo-eunchae',
          symbol: 6,
          name: { en: 'Yoo Eun-chae', ko: '유은채' },
          party: null,
          colour: '#7a7f87',
        },
      ],
    },
  ],
};
