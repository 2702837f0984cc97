import type { LocalizedText } from '../../../electron/contract';

/** A text of the definition in one language, with the language it is really in (for fonts and direction). */
export interface PickedText {
  readonly text: string;
  readonly lang: string;
}

/** The definition's text in the booth language, falling back to English (every text has it). */
export function localText(text: LocalizedText, language: string): PickedText {
  const own = text[language];
  return own ? { text: own, lang: language } : { text: text['en'] ?? '', lang: 'en' };
}

/**
 * The name as the host country prints it, shown small under a translated or romanised one
 * (한도윤 under "Han Do-yoon"), so a delegate sees what the real ballot says. Null when the
 * booth already shows that text.
 */
export function originalText(text: LocalizedText, hostLanguage: string, shown: PickedText): PickedText | null {
  const original = text[hostLanguage];
  if (!original || original === shown.text) return null;
  return { text: original, lang: hostLanguage };
}
