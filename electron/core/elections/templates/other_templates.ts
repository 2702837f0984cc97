/**
 * Templates beyond Korea's own ballots: a referendum (yes/no) and a ranked-choice mayoral
 * election, for delegations whose countries vote that way. Everything is made up.
 */
import type { ElectionDefinitionInput } from '../../../contract';
import { text } from './template_parties';

/** A referendum: one yes/no question. */
export const REFERENDUM: ElectionDefinitionInput = {
  title: text('Mock national referendum', '모의 국민투표', {
    fr: 'Simulation de référendum national', es: 'Simulacro de referéndum nacional', ru: 'Учебный общенациональный референдум',
    ar: 'محاكاة استفتاء وطني', pt: 'Simulação de referendo nacional', zh: '模拟全民公投', ja: '模擬国民投票',
  }),
  template: 'referendum',
  languages: ['en', 'ko'],
  contests: [
    {
      id: 'question-1',
      title: text('Referendum question', '국민투표안', { fr: 'Question référendaire', es: 'Pregunta del referéndum', ru: 'Вопрос референдума', ar: 'سؤال الاستفتاء', pt: 'Pergunta do referendo', zh: '公投议题', ja: '国民投票案' }),
      question: text(
        'Do you approve lowering the voting age in local elections to 16?',
        '지방선거의 선거권 연령을 16세로 낮추는 것에 찬성하십니까?',
        {
          fr: "Approuvez-vous l'abaissement de l'âge du vote à 16 ans pour les élections locales ?",
          es: '¿Aprueba reducir a 16 años la edad para votar en las elecciones locales?',
          ru: 'Вы одобряете снижение возраста голосования на местных выборах до 16 лет?',
          ar: 'هل توافق على خفض سن التصويت في الانتخابات المحلية إلى 16 عامًا؟',
          pt: 'Aprova a redução da idade de voto nas eleições locais para 16 anos?',
          zh: '您是否赞成将地方选举的投票年龄降至16岁？',
          ja: '地方選挙の選挙権年齢を16歳に引き下げることに賛成しますか。',
        },
      ),
      type: 'yes_no',
      seats: 1,
      ballotColour: '#eef3f8',
      options: [
        { id: 'yes', symbol: 1, name: text('Yes', '찬성', { fr: 'Oui', es: 'Sí', ru: 'Да', ar: 'نعم', pt: 'Sim', zh: '赞成', ja: '賛成' }), party: null, colour: '#2e7d32' },
        { id: 'no', symbol: 2, name: text('No', '반대', { fr: 'Non', es: 'No', ru: 'Нет', ar: 'لا', pt: 'Não', zh: '反对', ja: '反対' }), party: null, colour: '#c62828' },
      ],
    },
  ],
};

/** A ranked-choice mayoral election counted by instant runoff. */
export const RANKED_MAYOR: ElectionDefinitionInput = {
  title: text('Mock ranked-choice mayoral election', '모의 선호투표 시장선거', {
    fr: 'Simulation d’élection municipale à vote préférentiel', es: 'Simulacro de elección de alcalde por voto preferencial',
    ru: 'Учебные выборы мэра рейтинговым голосованием', ar: 'محاكاة انتخاب عمدة بالتصويت التفضيلي',
    pt: 'Simulação de eleição para presidente da câmara por voto preferencial', zh: '模拟排序复选制市长选举', ja: '模擬優先順位付き投票による市長選挙',
  }),
  template: 'ranked-mayor',
  languages: ['en', 'ko'],
  contests: [
    {
      id: 'mayor',
      title: text('Mayor', '시장', { fr: 'Maire', es: 'Alcalde', ru: 'Мэр', ar: 'العمدة', pt: 'Presidente da câmara', zh: '市长', ja: '市長' }),
      type: 'ranked',
      rankedMethod: 'irv',
      seats: 1,
      maxRanks: 5,
      ballotColour: '#f4efe6',
      options: [
        { id: 'ana-ribeiro', symbol: 1, name: text('Ana Ribeiro', '아나 히베이루'), party: null, colour: '#00897b' },
        { id: 'tomas-novak', symbol: 2, name: text('Tomáš Novák', '토마시 노바크'), party: null, colour: '#5e35b1' },
        { id: 'amina-diallo', symbol: 3, name: text('Amina Diallo', '아미나 디알로'), party: null, colour: '#f4511e' },
        { id: 'kenji-mori', symbol: 4, name: text('Kenji Mori', '모리 겐지', { ja: '森健二' }), party: null, colour: '#3949ab' },
        { id: 'lucia-fernandez', symbol: 5, name: text('Lucía Fernández', '루시아 페르난데스'), party: null, colour: '#c0ca33' },
      ],
    },
  ],
};
