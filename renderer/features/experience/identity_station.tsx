import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BadgeRefusal, VoterCard } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { countryName } from '../../ui/names';
import { VoterCardView } from './voter_card';

/** A scanned badge code (QR alphanumeric, signed), as opposed to a name typed to search. */
function looksLikeBadgeCode(text: string): boolean {
  return /^DD\d[A-Z2-7]{40,}$/iu.test(text.trim());
}

const STATION_KEY = 'delegate-desk.identity-station';

type Found =
  | { kind: 'none' }
  | { kind: 'voter'; voter: VoterCard; viaBadge: boolean }
  | { kind: 'refused'; reason: BadgeRefusal; message: string }
  | { kind: 'results'; voters: readonly VoterCard[] };

/**
 * The identity station: one field that a USB scanner types a badge into (with Enter) and a
 * presenter types a name into (search as you type, any script). A badge shows the voter at
 * once; a refused badge says why in large type; a name search lists everyone who matches,
 * told apart by photo, country and delegation.
 */
export function IdentityStation({ roundId }: { roundId: number }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [text, setText] = useState('');
  const [found, setFound] = useState<Found>({ kind: 'none' });
  const [station, setStation] = useState(() => localStorage.getItem(STATION_KEY) ?? '');
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const latest = useRef(0);

  useEffect(() => field.current?.focus(), []);

  // Searching as the presenter types a name (a scanned code waits for its Enter instead).
  useEffect(() => {
    // A search takes 200 characters; a pasted 600-letter name searches by its start instead of being refused.
    const query = text.trim().slice(0, 200);
    if (query.length < 2 || looksLikeBadgeCode(query)) return undefined;
    const request = ++latest.current;
    const timer = setTimeout(() => {
      void api.call('voting.voters.search', { roundId, query, limit: 8 }).then((r) => {
        if (request !== latest.current || !r.ok) return;
        setFound(r.value.length === 1 && r.value[0] ? { kind: 'voter', voter: r.value[0], viaBadge: false } : { kind: 'results', voters: r.value });
      });
    }, 150);
    return () => clearTimeout(timer);
  }, [api, roundId, text]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = text.trim();
    if (!looksLikeBadgeCode(code)) return;
    const request = ++latest.current;
    setBusy(true);
    void api.call('voting.voters.lookup', { roundId, code }).then((r) => {
      setBusy(false);
      if (request !== latest.current) return;
      setText('');
      if (!r.ok) {
        setFound({ kind: 'refused', reason: 'malformed', message: r.error.message });
      } else if (r.value.found) {
        setFound({ kind: 'voter', voter: r.value.voter, viaBadge: true });
      } else {
        setFound({ kind: 'refused', reason: r.value.reason, message: r.value.message });
      }
      field.current?.focus();
    });
  };

  return (
    <section className="identity" aria-labelledby="identity-title" data-testid="identity-station">
      <header className="identity-head">
        <h2 id="identity-title">{t('room.identity.title')}</h2>
        <label className="station-name">
          <span>{t('room.identity.station')}</span>
          <input
            value={station}
            placeholder={t('room.identity.stationExample')}
            onChange={(e) => {
              setStation(e.target.value);
              localStorage.setItem(STATION_KEY, e.target.value);
            }}
            data-testid="station-name"
          />
        </label>
      </header>
      <form onSubmit={submit} className="identity-scan">
        <label htmlFor="identity-field" className="identity-label">{t('room.identity.fieldLabel')}</label>
        <input
          ref={field}
          id="identity-field"
          className="identity-field"
          value={text}
          autoComplete="off"
          spellCheck={false}
          placeholder={t('room.identity.placeholder')}
          onChange={(e) => setText(e.target.value)}
          data-testid="identity-field"
        />
        <p className="muted">{busy ? t('room.identity.checking') : t('room.identity.hint')}</p>
      </form>
      <div className="identity-result" aria-live="polite">
        {found.kind === 'voter' && found.viaBadge ? (
          <p className="badge-verified" data-testid="badge-verified">✓ {t('room.identity.verified')}</p>
        ) : null}
        {found.kind === 'voter' ? (
          <VoterCardView key={found.voter.participantId} voter={found.voter} roundId={roundId} station={station.trim()} onIssued={() => field.current?.focus()} />
        ) : null}
        {found.kind === 'refused' ? (
          <div className="badge-refused" role="alert" data-testid="badge-refused" data-reason={found.reason}>
            <h3>{t(`room.refusal.${found.reason}`)}</h3>
            <p>{found.message}</p>
          </div>
        ) : null}
        {found.kind === 'results' ? (
          found.voters.length === 0 ? (
            <p className="muted" data-testid="no-voter">{t('room.identity.noMatch')}</p>
          ) : (
            <ul className="voter-results" data-testid="voter-results">
              {found.voters.map((v) => (
                <li key={v.participantId}>
                  <button type="button" className="voter-result" onClick={() => setFound({ kind: 'voter', voter: v, viaBadge: false })} data-testid="voter-result">
                    <span className="strong"><bdi>{v.displayName}</bdi></span>
                    {v.nativeName && v.nativeName !== v.displayName ? <bdi lang={v.nativeNameLang ?? undefined}>{v.nativeName}</bdi> : null}
                    <span className="sub">
                      {[v.country ? countryName(v.country, i18n.language) : null, v.delegationName, v.organisation].filter(Boolean).map((s) => `\u2068${s}\u2069`).join(' · ')}
                    </span>
                    {v.ballot ? <span className="sub warn-text">{v.notice ?? t('room.voter.hasBallot')}</span> : null}
                  </button>
                </li>
              ))}
            </ul>
          )
        ) : null}
      </div>
    </section>
  );
}
