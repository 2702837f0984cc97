import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoothBallot } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { StampMark } from './stamp_mark';

/**
 * The booth between voters: says it is ready, and takes a badge scanned at the booth (a USB
 * scanner types the code and Enter into the focused field) as the other way a ballot comes.
 */
export function BoothIdle({ eventName, roundOpen, onBallot }: {
  eventName: string | null;
  roundOpen: boolean;
  onBallot: (ballot: BoothBallot) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [code, setCode] = useState('');
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  // The scanner types into the focused field: keep the field focused whenever it is shown, and
  // take a key that arrives while nothing has the focus (a tap on the background) to it.
  useEffect(() => {
    if (!roundOpen) return undefined;
    field.current?.focus();
    const refocus = (event: KeyboardEvent) => {
      if (document.activeElement === document.body && !event.ctrlKey && !event.metaKey && !event.altKey) field.current?.focus();
    };
    window.addEventListener('keydown', refocus, true);
    return () => window.removeEventListener('keydown', refocus, true);
  }, [roundOpen]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = code.trim();
    if (!value || checking) return;
    setChecking(true);
    setError(null);
    void api.call('voting.booth.claim', { code: value }).then((r) => {
      setChecking(false);
      setCode('');
      if (r.ok) {
        onBallot(r.value);
        return;
      }
      // 'offline' comes from the HTTP transport itself, so it is not among the method's codes.
      const code: string = r.error.code;
      switch (code) {
        case 'no_ballot':
          setError(t('booth.error.noBallotForBadge'));
          break;
        case 'already_cast':
          setError(t('booth.error.alreadyCast'));
          break;
        case 'wrong_state':
          setError(t('booth.error.closed'));
          break;
        case 'offline':
          setError(t('booth.error.offline'));
          break;
        default:
          setError(t('booth.error.badge'));
      }
    });
  };

  return (
    <section className="booth-idle" aria-labelledby="booth-idle-title" data-testid="booth-idle">
      <div className="idle-stamp"><StampMark size="4.5em" /></div>
      {eventName ? <p className="idle-event"><bdi>{eventName}</bdi></p> : null}
      <h1 id="booth-idle-title">{t('booth.idle.title')}</h1>
      <p className="idle-body">{roundOpen ? t('booth.idle.body') : t('booth.idle.pollsClosed')}</p>
      {roundOpen ? (
        <form className="idle-scan" onSubmit={submit}>
          <label htmlFor="booth-badge-code">{t('booth.idle.scanLabel')}</label>
          <input
            ref={field}
            id="booth-badge-code"
            value={code}
            autoComplete="off"
            spellCheck={false}
            data-testid="booth-badge-code"
            onChange={(e) => setCode(e.target.value)}
          />
          <p className="idle-hint">{checking ? t('booth.idle.scanChecking') : t('booth.idle.scanHint')}</p>
          {error ? <p className="booth-error" role="alert" data-testid="booth-claim-error">{error}</p> : null}
        </form>
      ) : null}
    </section>
  );
}
