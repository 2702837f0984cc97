import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api_context';
import { writeDeviceToken } from '../../api/device_token';
import { LanguageSwitch } from '../../app/language_switch';

/**
 * Reads a pairing code from the URL fragment (#pair=123456, as the host's QR code carries
 * it) and removes it at once, so the code stays out of the history. The fragment is never
 * sent to any server.
 */
function takeCodeFromFragment(): string {
  const match = /(?:^#|&)pair=(\d{6})(?:&|$)/u.exec(window.location.hash);
  if (!match) return '';
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  return match[1] ?? '';
}

/** Error codes the host answers a pairing attempt with, each with its own words on screen. */
const KNOWN_ERRORS = new Set(['code_unknown', 'code_expired', 'code_used', 'rate_limited', 'offline', 'invalid_input']);

/**
 * The page an unpaired browser sees: it enters (or scanned) the 6-digit code staff opened
 * on the host and becomes the device staff chose. Also shown, with a notice, to a device
 * the host revoked.
 */
export function PairingPage({ lost, onPaired }: { lost: boolean; onPaired: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [fromLink] = useState(takeCodeFromFragment);
  const [code, setCode] = useState(fromLink);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ code: string; message: string } | null>(null);
  const [eventName, setEventName] = useState<string | null>(null);
  const tried = useRef(false);

  useEffect(() => {
    void api.call('health', {}).then((r) => setEventName(r.ok ? (r.value.event?.name ?? null) : null));
  }, [api]);

  const submit = async (value: string) => {
    const digits = value.replace(/\D/gu, '');
    if (digits.length !== 6) {
      setProblem({ code: 'invalid_input', message: '' });
      return;
    }
    setBusy(true);
    setProblem(null);
    const result = await api.call('devices.pair', { code: digits });
    setBusy(false);
    if (result.ok) {
      writeDeviceToken(result.value.token);
      onPaired();
      return;
    }
    setProblem(result.error);
  };

  // A code that came in the QR link is tried once by itself: scan, and the tablet is paired.
  useEffect(() => {
    if (fromLink && !tried.current) {
      tried.current = true;
      void submit(fromLink);
    }
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(code);
  };

  return (
    <main className="pairing" data-testid="pairing-page">
      <div className="pairing-top">
        <span className="brand-mark" aria-hidden="true">DD</span>
        <LanguageSwitch />
      </div>
      <div className="pairing-card">
        {lost ? (
          <div className="notice notice-error" role="alert" data-testid="pairing-lost">
            <div>
              <strong>{t('pairing.lostTitle')}</strong>
              <p>{t('pairing.lostBody')}</p>
            </div>
          </div>
        ) : null}
        <h1>{t('pairing.title')}</h1>
        <p className="muted">{t('pairing.intro')}</p>
        {eventName ? (
          <p className="pairing-host">
            {t('pairing.host')} <bdi className="strong">{eventName}</bdi> · <bdi dir="ltr">{window.location.host}</bdi>
          </p>
        ) : null}
        <form onSubmit={onSubmit} className="pairing-form">
          <label htmlFor="pairing-code">{t('pairing.codeLabel')}</label>
          <input
            id="pairing-code"
            className="pairing-code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            maxLength={7}
            dir="ltr"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            aria-describedby="pairing-hint"
            aria-invalid={problem ? true : undefined}
            data-testid="pairing-code"
            autoFocus
          />
          <p id="pairing-hint" className="muted">{t('pairing.codeHint')}</p>
          <button type="submit" className="primary pairing-submit" disabled={busy} data-testid="pairing-submit">
            {busy ? t('pairing.pairing') : t('pairing.pair')}
          </button>
        </form>
        {problem ? (
          <div className="notice notice-error" role="alert" data-testid="pairing-error">
            <span>{KNOWN_ERRORS.has(problem.code) ? t(`pairing.error.${problem.code}`) : problem.message}</span>
          </div>
        ) : null}
        <p className="pairing-privacy muted">{t('pairing.privacy')}</p>
      </div>
    </main>
  );
}
