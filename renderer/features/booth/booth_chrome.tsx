import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BOOTH_LANGUAGES, type BoothLanguage } from './booth_i18n';
import { CONTRASTS, TEXT_SIZES, type DisplaySettings } from './booth_settings';

type Panel = 'language' | 'display' | null;

/** A globe: the sign for "language" that needs no reading. */
function GlobeIcon() {
  return (
    <svg className="globe" viewBox="0 0 24 24" width="1.1em" height="1.1em" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z" />
    </svg>
  );
}

const SIZE_KEYS = { S: 'booth.settings.sizeS', M: 'booth.settings.sizeM', L: 'booth.settings.sizeL', XL: 'booth.settings.sizeXL' } as const;
const CONTRAST_KEYS = {
  standard: 'booth.settings.contrastStandard',
  dark: 'booth.settings.contrastDark',
  light: 'booth.settings.contrastLight',
} as const;

/**
 * The booth's top bar: its name, and two buttons always in reach — the language (every
 * language named in its own script, so a delegate finds theirs without reading the current
 * one) and the display (text size, contrast). Both open a panel over the ballot; the marks
 * underneath are kept.
 */
export function BoothChrome({ deviceName, connected, language, display, onLanguage, onDisplay }: {
  deviceName: string;
  connected: boolean;
  language: BoothLanguage;
  display: DisplaySettings;
  onLanguage: (language: BoothLanguage) => void;
  onDisplay: (display: DisplaySettings) => void;
}) {
  const { t } = useTranslation();
  const [panel, setPanel] = useState<Panel>(null);
  const current = BOOTH_LANGUAGES.find((l) => l.code === language);
  const toggle = (next: Panel) => setPanel((p) => (p === next ? null : next));

  return (
    <header className="booth-top">
      <span className="booth-device"><bdi>{deviceName}</bdi></span>
      {!connected ? <span className="booth-offline" role="status">{t('booth.reconnecting')}</span> : null}
      <button
        type="button"
        className="booth-button chrome"
        aria-expanded={panel === 'language'}
        data-testid="booth-language"
        onClick={() => toggle('language')}
      >
        <GlobeIcon /> {t('booth.language.button')} · <bdi lang={language}>{current?.nativeName}</bdi>
      </button>
      <button
        type="button"
        className="booth-button chrome"
        aria-expanded={panel === 'display'}
        data-testid="booth-display"
        onClick={() => toggle('display')}
      >
        <span aria-hidden="true">Aa</span> {t('booth.settings.button')}
      </button>
      {panel === 'language' ? (
        <div className="booth-panel" role="dialog" aria-modal="false" aria-labelledby="booth-language-title" data-testid="language-panel">
          <h2 id="booth-language-title">{t('booth.language.title')}</h2>
          <div className="language-grid">
            {BOOTH_LANGUAGES.map((l) => (
              <button
                key={l.code}
                type="button"
                lang={l.code}
                dir={l.dir}
                className="booth-button language"
                aria-pressed={l.code === language}
                data-testid={`language-${l.code}`}
                onClick={() => {
                  onLanguage(l.code);
                  setPanel(null);
                }}
              >
                {l.nativeName}
              </button>
            ))}
          </div>
          <button type="button" className="booth-button" onClick={() => setPanel(null)}>{t('booth.language.close')}</button>
        </div>
      ) : null}
      {panel === 'display' ? (
        <div className="booth-panel" role="dialog" aria-modal="false" aria-labelledby="booth-display-title" data-testid="display-panel">
          <h2 id="booth-display-title">{t('booth.settings.title')}</h2>
          <fieldset className="booth-choice">
            <legend>{t('booth.settings.textSize')}</legend>
            {TEXT_SIZES.map((size) => (
              <button
                key={size}
                type="button"
                className={`booth-button size-${size}`}
                aria-pressed={display.size === size}
                data-testid={`size-${size}`}
                onClick={() => onDisplay({ ...display, size })}
              >
                {t(SIZE_KEYS[size])}
              </button>
            ))}
          </fieldset>
          <fieldset className="booth-choice">
            <legend>{t('booth.settings.contrast')}</legend>
            {CONTRASTS.map((contrast) => (
              <button
                key={contrast}
                type="button"
                className={`booth-button contrast-${contrast}`}
                aria-pressed={display.contrast === contrast}
                data-testid={`contrast-${contrast}`}
                onClick={() => onDisplay({ ...display, contrast })}
              >
                {t(CONTRAST_KEYS[contrast])}
              </button>
            ))}
          </fieldset>
          <button type="button" className="booth-button primary" onClick={() => setPanel(null)}>{t('booth.settings.done')}</button>
        </div>
      ) : null}
    </header>
  );
}
