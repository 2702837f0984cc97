import type { ElectionDefinitionInput, ElectionTemplate } from '../../contract';
import { DEMO_ELECTION } from '../demo/demo_election';
import { KR_LOCAL, KR_NATIONAL_ASSEMBLY } from './templates/korean_templates';
import { RANKED_MAYOR, REFERENDUM } from './templates/other_templates';
import { text } from './templates/template_parties';

interface Template {
  readonly id: string;
  readonly description: ElectionTemplate['description'];
  readonly definition: ElectionDefinitionInput;
}

const TEMPLATES: readonly Template[] = [
  { id: 'kr-presidential', definition: DEMO_ELECTION, description: text('One white ballot; the most votes win.', '흰색 투표지 한 장, 최다 득표자 당선.') },
  { id: 'kr-national-assembly', definition: KR_NATIONAL_ASSEMBLY, description: text('A constituency ballot and a party-list ballot (semi-linked MMP, 46 seats).', '지역구 투표지와 비례대표 정당 투표지(준연동형, 46석).') },
  { id: 'kr-local', definition: KR_LOCAL, description: text('Four ballots: mayor, council, a 3-seat SNTV ward, a council party list.', '투표지 네 장: 시장, 시의회, 3인 선거구(중선거구), 구의회 비례대표.') },
  { id: 'referendum', definition: REFERENDUM, description: text('One yes/no question.', '찬반을 묻는 질문 하나.') },
  { id: 'ranked-mayor', definition: RANKED_MAYOR, description: text('Rank the candidates; counted by instant runoff.', '후보자에게 순위를 매기고, 즉석 결선 방식으로 개표.') },
];

/** The ready-made elections a presenter starts from. */
export function listTemplates(): ElectionTemplate[] {
  return TEMPLATES.map((t) => ({ id: t.id, title: t.definition.title, description: t.description, contestCount: t.definition.contests.length }));
}

/** A template's definition (a fresh copy, so edits never touch the template), or null. */
export function templateDefinition(id: string): ElectionDefinitionInput | null {
  const found = TEMPLATES.find((t) => t.id === id);
  return found ? (structuredClone(found.definition) as ElectionDefinitionInput) : null;
}
