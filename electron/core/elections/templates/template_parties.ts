/**
 * The made-up parties every Korean template shares (the demo presidential election uses the
 * same ones), so a group that tries several ballots meets the same parties and symbol numbers.
 * None of them is a real Korean party.
 */
import type { LocalizedText } from '../../../contract';

/** A made-up party: its stable id (links candidates across ballots), name and colour. */
export interface TemplateParty {
  readonly id: string;
  readonly name: LocalizedText;
  readonly colour: string;
}

/** Text in English and Korean, and whatever booth languages are known for it. */
export function text(en: string, ko: string, more: Record<string, string> = {}): LocalizedText {
  return { en, ko, ...more };
}

/** The parties, in symbol-number order (by seats held, as Korean law orders them). */
export const TEMPLATE_PARTIES: readonly TemplateParty[] = [
  { id: 'hanbit', colour: '#e0603a', name: text('Hanbit Hope Party', '한빛희망당', { fr: 'Parti Hanbit Espoir', es: 'Partido Esperanza Hanbit', ru: 'Партия «Надежда Ханбит»', ar: 'حزب أمل هانبيت', pt: 'Partido Esperança Hanbit', zh: '韩光希望党', ja: 'ハンビット希望党' }) },
  { id: 'bluesea', colour: '#1f6fb2', name: text('Blue Sea Party', '푸른바다당', { fr: 'Parti de la Mer bleue', es: 'Partido Mar Azul', ru: 'Партия «Синее море»', ar: 'حزب البحر الأزرق', pt: 'Partido Mar Azul', zh: '蓝海党', ja: '青い海党' }) },
  { id: 'dawn', colour: '#e8a317', name: text('Dawn Coalition', '새벽연합', { fr: "Coalition de l'Aube", es: 'Coalición del Alba', ru: 'Коалиция «Рассвет»', ar: 'ائتلاف الفجر', pt: 'Coligação da Aurora', zh: '黎明联盟', ja: '夜明け連合' }) },
  { id: 'milkyway', colour: '#6a4c93', name: text('Milky Way Party', '은하수당', { fr: 'Parti de la Voie lactée', es: 'Partido Vía Láctea', ru: 'Партия «Млечный путь»', ar: 'حزب درب التبانة', pt: 'Partido Via Láctea', zh: '银河党', ja: '天の川党' }) },
  { id: 'breeze', colour: '#2a9d8f', name: text('Breeze Party', '산들바람당', { fr: 'Parti de la Brise', es: 'Partido Brisa', ru: 'Партия «Бриз»', ar: 'حزب النسيم', pt: 'Partido Brisa', zh: '微风党', ja: 'そよ風党' }) },
  { id: 'greenfield', colour: '#4c9a2a', name: text('Green Field Party', '초록들판당', { fr: 'Parti des Champs verts', es: 'Partido Campo Verde', ru: 'Партия «Зелёное поле»', ar: 'حزب الحقل الأخضر', pt: 'Partido Campo Verde', zh: '绿野党', ja: '緑の野原党' }) },
  { id: 'lantern', colour: '#c2185b', name: text('Lantern Party', '등불당', { fr: 'Parti de la Lanterne', es: 'Partido Farol', ru: 'Партия «Фонарь»', ar: 'حزب الفانوس', pt: 'Partido Lanterna', zh: '灯火党', ja: '灯火党' }) },
];

/** Independent: what a Korean ballot prints in the party column of a candidate without one. */
export const INDEPENDENT = text('Independent', '무소속', { fr: 'Sans étiquette', es: 'Independiente', ru: 'Самовыдвиженец', ar: 'مستقل', pt: 'Independente', zh: '无党派', ja: '無所属' });

/** A party by id (the templates only name parties that exist). */
export function party(id: string): TemplateParty {
  const found = TEMPLATE_PARTIES.find((p) => p.id === id);
  if (!found) throw new Error(`template party ${id} is not defined`);
  return found;
}

/** A candidate row: symbol, name in Latin letters and Hangul, party (null: independent). */
export function candidate(symbol: number, id: string, en: string, ko: string, partyId: string | null) {
  const p = partyId ? party(partyId) : null;
  return { id, symbol, name: text(en, ko), party: p ? p.name : INDEPENDENT, partyId: p?.id ?? null, colour: p?.colour ?? '#7a7f87' };
}

/** A party-list row: the party itself is the option. */
export function partyRow(symbol: number, partyId: string) {
  const p = party(partyId);
  return { id: p.id, symbol, name: p.name, party: null, partyId: p.id, colour: p.colour };
}
