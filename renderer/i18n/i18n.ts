import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import ko from './locales/ko.json';
import ar from './locales/ar.json';

type Catalogue = { [key: string]: string | Catalogue };

// A feature may keep its strings beside its code (features/<name>/locales/<lang>.json);
// they are bundled at build time and merged into the app's catalogue of that language.
const featureCatalogues = import.meta.glob<Catalogue>('../features/*/locales/*.json', { eager: true, import: 'default' });

/** Merges a feature's catalogue into the base one; the feature may not overwrite base strings. */
function merged(base: Catalogue, lang: string): Catalogue {
  const out: Catalogue = structuredClone(base);
  for (const [file, catalogue] of Object.entries(featureCatalogues)) {
    if (!file.endsWith(`/${lang}.json`)) continue;
    for (const [key, value] of Object.entries(catalogue)) {
      const existing = out[key];
      out[key] = typeof existing === 'object' && typeof value === 'object' ? { ...value, ...existing } : (existing ?? value);
    }
  }
  return out;
}

/** Staff UI languages; every string of the UI comes from these catalogues. */
export const UI_LANGUAGES = [
  { code: 'en', nativeName: 'English', dir: 'ltr' },
  { code: 'ko', nativeName: '한국어', dir: 'ltr' },
  { code: 'ar', nativeName: 'العربية', dir: 'rtl' },
] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number]['code'];

/** Picks the best UI language for a list of preferred BCP 47 tags (browser or saved). */
export function pickUiLanguage(preferred: readonly string[]): UiLanguage {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    const match = UI_LANGUAGES.find((l) => l.code === base);
    if (match) return match.code;
  }
  return 'en';
}

/** Sets lang and dir on <html>, so fonts, hyphenation and right-to-left layout follow. */
export function applyDocumentLanguage(code: UiLanguage): void {
  const lang = UI_LANGUAGES.find((l) => l.code === code) ?? UI_LANGUAGES[0];
  document.documentElement.lang = lang.code;
  document.documentElement.dir = lang.dir;
}

/** Starts i18next with the bundled catalogues: nothing is fetched, ever. */
export async function initI18n(language: UiLanguage): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: {
      en: { translation: merged(en, 'en') },
      ko: { translation: merged(ko, 'ko') },
      ar: { translation: merged(ar, 'ar') },
    },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  applyDocumentLanguage(language);
  return i18next;
}
