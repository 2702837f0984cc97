import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskPerson } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { countryName, languageName } from '../../ui/names';
import type { FeedbackIcon, Line } from './scan_feedback';
import type { DeskResult } from './use_desk';

const ICON_PATHS: Readonly<Record<FeedbackIcon | 'scan' | 'wait' | 'undo', string>> = {
  check: 'M5 12.5l4.5 4.5L19 7.5',
  repeat: 'M12 7v5l3 2M12 3a9 9 0 1 0 9 9',
  stop: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM5.6 5.6l12.8 12.8',
  question: 'M9.2 9a3 3 0 1 1 4.2 2.8c-.9.4-1.4 1.2-1.4 2.2v.5M12 18h.01',
  exit: 'M15 4h4v16h-4M10 8l-4 4 4 4M6 12h10',
  offline: 'M2 8.5a15 15 0 0 1 20 0M5.5 12a10 10 0 0 1 13 0M9 15.5a5 5 0 0 1 6 0M12 19h.01M3 3l18 18',
  scan: 'M4 8V4h4M16 4h4v4M20 16v4h-4M8 20H4v-4M4 12h16',
  wait: 'M12 6v6l4 2',
  undo: 'M9 14L4 9l5-5M4 9h11a5 5 0 0 1 0 10h-3',
};

// The host's own wording when no note raised the flag: the translated label says it already.
const DEFAULT_FLAG_TEXT = /^VIP: notify protocol on arrival\.$/u;

function BigIcon({ name }: { name: keyof typeof ICON_PATHS }) {
  return (
    <svg className="desk-icon" viewBox="0 0 24 24" width="64" height="64" fill="none" stroke="currentColor" strokeWidth={2.2}
      strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={ICON_PATHS[name]} />
    </svg>
  );
}

/** A person's photo from the host, or nothing while it loads or when there is none. */
function Photo({ person }: { person: DeskPerson }) {
  const api = useApi();
  const [src, setSrc] = useState<{ id: number; url: string } | null>(null);
  useEffect(() => {
    if (!person.photoFile) return;
    let live = true;
    void api.call('photos.get', { participantId: person.participantId }).then((answer) => {
      if (live && answer.ok) setSrc({ id: person.participantId, url: `data:${answer.value.mimeType};base64,${answer.value.base64}` });
    });
    return () => {
      live = false;
    };
  }, [api, person.participantId, person.photoFile]);
  if (!person.photoFile || src?.id !== person.participantId) return null;
  return <img className="desk-photo" src={src.url} alt="" data-testid="desk-photo" />;
}

/** The person on a result: both scripts large, then who they are and what staff must know. */
function PersonBlock({ person }: { person: DeskPerson }) {
  const { t, i18n } = useTranslation();
  const showNative = person.nativeName && person.nativeName !== person.displayName;
  const country = countryName(person.country, i18n.language);
  return (
    <div className="desk-person">
      <Photo person={person} />
      <div className="desk-person-text">
        <p className="desk-name" data-testid="desk-name">
          {/* One isolate for title and name, so "Dr Omar" keeps its order inside an Arabic screen. */}
          <bdi>
            {person.title ? <span className="desk-title">{person.title} </span> : null}
            {person.displayName}
          </bdi>
        </p>
        {showNative ? (
          <p className="desk-native" lang={person.nativeNameLang ?? undefined} data-testid="desk-native-name">
            <bdi>{person.nativeName}</bdi>
          </p>
        ) : null}
        <p className="desk-meta">
          {person.delegationName ? (
            <span data-testid="desk-delegation">
              <bdi>{person.delegationName}</bdi>
              {person.isHeadOfDelegation ? <strong className="desk-head"> · {t('desk.person.head')}</strong> : null}
            </span>
          ) : null}
          {country && country !== person.delegationName ? <span data-testid="desk-country">{country}</span> : null}
          <span className="desk-category" style={{ borderInlineStartColor: person.category.colour }} data-testid="desk-category">
            <bdi>{person.category.name}</bdi>
          </span>
        </p>
        {person.organisation || person.position ? (
          <p className="desk-org"><bdi>{[person.position, person.organisation].filter(Boolean).join(', ')}</bdi></p>
        ) : null}
        {person.flags.length > 0 ? (
          <ul className="desk-flags" aria-label={t('desk.person.staffNotes')}>
            {person.flags.map((flag) => (
              <li key={flag.kind} className={`desk-flag desk-flag-${flag.kind}`} data-testid={`desk-flag-${flag.kind}`}>
                <strong>{t(`desk.flag.${flag.kind}`)}</strong>
                {flag.text && !DEFAULT_FLAG_TEXT.test(flag.text) ? <bdi> {flag.text}</bdi> : null}
              </li>
            ))}
          </ul>
        ) : null}
        {person.languages.length > 0 ? (
          <p className="desk-languages muted">
            {t('desk.person.languages', { languages: person.languages.map((l) => languageName(l, i18n.language)).join(', ') })}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function LineText({ line }: { line: Line }) {
  const { t } = useTranslation();
  return <>{t(line.key, { ...line.values })}</>;
}

/**
 * The full-width result of the last scan: colour, icon, headline and the person, readable
 * from a step away. A live region, so a screen reader announces each result too.
 */
export function FeedbackPanel({ result, actions }: { result: DeskResult; actions: ReactNode }) {
  const { t } = useTranslation();
  if (result.kind === 'ready' || result.kind === 'pending' || result.kind === 'undone') {
    const icon = result.kind === 'ready' ? 'scan' : result.kind === 'pending' ? 'wait' : 'undo';
    return (
      <section className={`desk-result desk-result-${result.kind}`} data-testid="desk-result" data-state={result.kind} aria-live="polite">
        <BigIcon name={icon} />
        <div className="desk-result-body">
          <h2 className="desk-headline">
            {result.kind === 'ready' ? t('desk.ready.title') : result.kind === 'pending' ? t('desk.pending') : t('desk.undone', { name: result.name })}
          </h2>
          {result.kind === 'ready' ? <p className="desk-detail">{t('desk.ready.body')}</p> : null}
        </div>
      </section>
    );
  }
  const { feedback, outcome } = result;
  const person = outcome?.person ?? null;
  return (
    <section
      className={`desk-result desk-tone-${feedback.tone}`}
      data-testid="desk-result"
      data-state={outcome?.result ?? result.error?.code ?? 'failed'}
      aria-live="assertive"
    >
      <BigIcon name={feedback.icon} />
      <div className="desk-result-body">
        <h2 className="desk-headline" data-testid="desk-headline"><LineText line={feedback.headline} /></h2>
        {feedback.detail ? <p className="desk-detail" data-testid="desk-detail"><LineText line={feedback.detail} /></p> : null}
        {feedback.notes.map((note) => (
          <p key={note.key} className="desk-note"><LineText line={note} /></p>
        ))}
        {person ? <PersonBlock person={person} /> : null}
        {actions}
      </div>
    </section>
  );
}
