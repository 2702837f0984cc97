import type { LocalizedText } from '../../../electron/contract';

/** A definition's text in the UI language, falling back to English (every definition has it). */
export function pickText(text: LocalizedText, language: string): { text: string; lang: string } {
  const own = text[language];
  return own ? { text: own, lang: language } : { text: text['en'] ?? '', lang: 'en' };
}
