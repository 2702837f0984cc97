/**
 * The booth's own translations: nine languages for every word a delegate reads, in an
 * i18next instance of its own, so switching the booth's language never touches the staff
 * UI's (en/ko/ar) and the booth can reset to its default after every voter.
 */
import i18next, { type i18n as I18n } from 'i18next';
import en from './locales/en.json';
import ko from './locales/ko.json';
import fr from './locales/fr.json';
import es from './locales/es.json';
import ar from './locales/ar.json';
import ru from './locales/ru.json';
import pt from './locales/pt.json';
import zh from './locales/zh.json';
import ja from './locales/ja.json';

/** The booth's languages, each named in its own script, in the order the switcher lists them. */
export const BOOTH_LANGUAGES = [
  { code: 'en', nativeName: 'English', dir: 'ltr' },
  { code: 'ko', nativeName: '한국어', dir: 'ltr' },
  { code: 'fr', nativeName: 'Français', dir: 'ltr' },
  { code: 'es', nativeName: 'Español', dir: 'ltr' },
  { code: 'ar', nativeName: 'العربية', dir: 'rtl' },
  { code: 'ru', nativeName: 'Русский', dir: 'ltr' },
  { code: 'pt', nativeName: 'Português', dir: 'ltr' },
  { code: 'zh', nativeName: '中文', dir: 'ltr' },
  { code: 'ja', nativeName: '日本語', dir: 'ltr' },
] as const;
export type BoothLanguage = (typeof BOOTH_LANGUAGES)[number]['code'];

/** The catalogues by language, as bundled (the test compares their keys). */
export const BOOTH_CATALOGUES: Record<BoothLanguage, object> = { en, ko, fr, es, ar, ru, pt, zh, ja };

/** Whether a language is written right to left (only Arabic among the booth's nine). */
export function boothDir(code: BoothLanguage): 'ltr' | 'rtl' {
  return BOOTH_LANGUAGES.find((l) => l.code === code)?.dir ?? 'ltr';
}

/**
 * The booth language for a delegate: the first of their languages the booth speaks, else the
 * given default. Codes may be tags ("pt-BR", "zh-Hans"); only the base language counts.
 */
export function pickBoothLanguage(preferred: readonly string[], fallback: BoothLanguage): BoothLanguage {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/u)[0];
    const match = BOOTH_LANGUAGES.find((l) => l.code === base);
    if (match) return match.code;
  }
  return fallback;
}

/** Builds the booth's i18next instance with every catalogue bundled: nothing is fetched. */
export function createBoothI18n(language: BoothLanguage): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources: Object.fromEntries(Object.entries(BOOTH_CATALOGUES).map(([code, catalogue]) => [code, { translation: catalogue }])),
    lng: language,
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  return instance;
}
