import { create } from 'zustand';
import { applyDocumentLanguage, pickUiLanguage, type UiLanguage } from '../i18n/i18n';

const LANGUAGE_KEY = 'delegate-desk.ui-language';

/** Reads the saved UI language, or the best match for the browser's languages. */
export function initialUiLanguage(): UiLanguage {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(LANGUAGE_KEY);
  } catch {
    // storage may be unavailable (private mode); the browser's languages decide then
  }
  return pickUiLanguage(saved ? [saved] : navigator.languages);
}

interface UiState {
  language: UiLanguage;
  setLanguage(language: UiLanguage): void;
}

/** UI preferences that belong to this screen, not to the event. */
export const useUiStore = create<UiState>((set) => ({
  language: initialUiLanguage(),
  setLanguage(language) {
    try {
      localStorage.setItem(LANGUAGE_KEY, language);
    } catch {
      // not saved; the choice still applies until reload
    }
    applyDocumentLanguage(language);
    set({ language });
  },
}));
