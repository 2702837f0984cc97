/**
 * Category cells → the event's category codes. The file says "Délégué", "참관인", "Press/Media"
 * or a pretix product name; the event has codes (delegate, observer, press…). Values are
 * matched by code, by the category's own name, then by common words in several languages;
 * the user can set any value by hand in the mapping screen.
 */
import type { Category } from '../../contract';
import { foldText } from './text_fold';

const WORDS: Record<string, readonly string[]> = {
  delegate: ['delegate', 'delegates', 'delegation member', 'member', 'participant', 'delegue', 'deleguee', 'delegado', 'delegada', 'делегат', 'участник', '대표', '대표단', '대표단원', '참가자', 'مندوب', 'عضو وفد', 'delegierter'],
  observer: ['observer', 'observers', 'international observer', 'observateur', 'observatrice', 'observador', 'observadora', 'наблюдатель', '참관인', '참관', '옵서버', 'مراقب', 'beobachter'],
  speaker: ['speaker', 'speakers', 'panelist', 'panellist', 'presenter', 'moderator', 'keynote', 'intervenant', 'intervenante', 'orateur', 'orador', 'oradora', 'ponente', 'докладчик', 'спикер', 'выступающий', '연사', '발표자', '토론자', '좌장', 'متحدث', 'redner'],
  staff: ['staff', 'organiser', 'organizer', 'secretariat', 'volunteer', 'crew', 'personnel', 'personal', 'staff member', 'organisateur', 'organizador', 'персонал', 'сотрудник', 'организатор', '직원', '스태프', '운영요원', '사무국', '자원봉사자', 'موظف', 'mitarbeiter'],
  press: ['press', 'media', 'journalist', 'press media', 'presse', 'prensa', 'medios', 'periodista', 'journaliste', 'пресса', 'сми', 'журналист', '언론', '기자', '취재', 'صحافة', 'إعلام', 'medien'],
  interpreter: ['interpreter', 'interpreters', 'translator', 'interprete', 'traducteur', 'traductor', 'переводчик', '통역', '통역사', '통역요원', 'مترجم', 'dolmetscher'],
  vip: ['vip', 'vips', 'very important person', 'dignitary', 'distinguished guest', 'personnalite', 'invitado especial', 'почетный гость', '귀빈', '내빈', 'كبار الشخصيات', 'ehrengast'],
  guest: ['guest', 'guests', 'visitor', 'invite', 'invitee', 'invitado', 'invitada', 'гость', '손님', '초청', '초청자', '방문객', 'ضيف', 'gast'],
};

/** Finds the category a cell means, or null when nothing fits. */
export function lookupCategory(value: string, categories: readonly Category[], manual: Readonly<Record<string, string>>): string | null {
  const text = value.trim();
  if (!text) return null;
  const codes = new Set(categories.map((c) => c.code));
  const set = manual[text];
  if (set !== undefined && codes.has(set)) return set;
  const folded = foldText(text);
  for (const c of categories) {
    if (foldText(c.code) === folded || foldText(c.name) === folded) return c.code;
  }
  for (const [code, words] of Object.entries(WORDS)) {
    if (codes.has(code) && words.some((w) => foldText(w) === folded)) return code;
  }
  // "Delegate – Ministry" or "Observer (international)": a known word at the start decides.
  const first = foldText(text.replace(/\([^)]*\)/gu, ' ')).split(' ')[0] ?? '';
  for (const [code, words] of Object.entries(WORDS)) {
    if (codes.has(code) && words.some((w) => foldText(w) === first)) return code;
  }
  return null;
}

/** The category a row without a category value gets: delegate if the event has it, else the first. */
export function defaultCategory(categories: readonly Category[]): string | null {
  return categories.find((c) => c.code === 'delegate')?.code ?? categories[0]?.code ?? null;
}
