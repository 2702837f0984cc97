import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES, type UiLanguage } from '../i18n/i18n';
import { useUiStore } from './ui_store';

/** Switches the staff UI language; each language is named in itself. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const language = useUiStore((s) => s.language);
  const setLanguage = useUiStore((s) => s.setLanguage);
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('frame.language')}</span>
      <select
        value={language}
        data-testid="language-switch"
        onChange={(e) => {
          const next = e.target.value as UiLanguage;
          setLanguage(next);
          void i18n.changeLanguage(next);
        }}
      >
        {UI_LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>{l.nativeName}</option>
        ))}
      </select>
    </label>
  );
}
