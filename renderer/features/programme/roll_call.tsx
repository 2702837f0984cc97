import { useTranslation } from 'react-i18next';
import type { PushTopic } from '../../../electron/contract';
import { useApiQuery } from '../../api/use_api_query';
import { PersonName } from '../../ui/names';
import { ErrorNotice } from '../../ui/page';
import { hashFor, PhoneLink, useEventClock } from '../attendance';

const REFRESH: readonly PushTopic[] = ['checkin.changed', 'data.changed', 'event.changed'];

/**
 * A bus or site-visit roll call, for a tablet held in a bus aisle: how many of the expected
 * group are still missing, in large type, then the missing people by delegation with a phone
 * number to tap. Complete delegations fold into one line at the end. Live: each check-in at the
 * bus door (any desk) takes a name off the list at once.
 */
export function RollCallScreen({ sessionId }: { sessionId: number }) {
  const { t, i18n } = useTranslation();
  const roll = useApiQuery('checkin.rollCall', { sessionId }, REFRESH);
  const day = (iso: string) => new Intl.DateTimeFormat(i18n.language, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));
  const clock = useEventClock();
  const r = roll.value;
  if (roll.status === 'error' && !r) {
    return (
      <section className="roll">
        <a href="#/programme" className="roll-back">← {t('rollCall.back')}</a>
        <ErrorNotice message={roll.error.message} onRetry={roll.reload} retryLabel={t('common.retry')} />
      </section>
    );
  }
  if (!r) return <p className="muted">{t('common.loading')}</p>;
  const waiting = r.groups.filter((g) => g.missingPeople.length > 0);
  const complete = r.groups.filter((g) => g.missingPeople.length === 0 && g.expected > 0);
  return (
    <section className="roll" aria-labelledby="roll-title" data-testid="roll-call" data-missing={r.missing}>
      <div className="roll-top">
        <a href="#/programme" className="roll-back">← {t('rollCall.back')}</a>
        <span className="roll-live" role="status">{t('rollCall.liveAt', { time: clock.time(r.updatedAt) })}</span>
      </div>
      <header className="roll-header">
        <h1 id="roll-title"><bdi>{r.session.title}</bdi></h1>
        <p className="roll-when">
          {t(`sessionType.${r.session.type}`)} · {day(r.session.day)} {r.session.startsAt}–{r.session.endsAt} · <bdi>{r.session.venue}</bdi>
        </p>
      </header>
      <div className={r.missing === 0 ? 'roll-count roll-count-done' : 'roll-count'} data-testid="roll-count">
        {r.missing === 0 ? (
          <span className="roll-big">✓ {t('rollCall.everyoneHere')}</span>
        ) : (
          <span className="roll-big">{t('rollCall.missing', { count: r.missing, formatted: clock.number(r.missing) })}</span>
        )}
        <span className="roll-of">{t('rollCall.hereOf', { here: clock.number(r.here), expected: clock.number(r.expected) })}</span>
        <a className="roll-door" href={hashFor('checkin', { session: r.session.id })} data-testid="roll-door-link">{t('rollCall.checkInAtDoor')}</a>
      </div>
      <div className="roll-groups">
        {waiting.map((g) => (
          <section key={g.delegationId ?? 'none'} className="roll-group" aria-label={g.name} data-testid="roll-group" data-delegation={g.name}>
            <h2>
              <bdi>{g.delegationId === null ? t('rollCall.noDelegation') : g.name}</bdi>
              <span className="roll-group-count">{t('rollCall.groupHere', { here: clock.number(g.here), expected: clock.number(g.expected) })}</span>
            </h2>
            <ul>
              {g.missingPeople.map((p) => (
                <li key={p.participantId} data-participant={p.participantId}>
                  <span className="roll-person">
                    <PersonName displayName={p.displayName} nativeName={p.nativeName} nativeNameLang={p.nativeNameLang} />
                    {p.isHeadOfDelegation ? <span className="roll-tag">{t('rollCall.head')}</span> : null}
                    {p.arrivedAtEvent ? <span className="roll-note">{t('rollCall.arrivedAtEvent')}</span> : null}
                  </span>
                  <PhoneLink phone={p.phone} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      {complete.length > 0 ? (
        <p className="roll-complete" data-testid="roll-complete">
          <span className="strong">✓ {t('rollCall.completeGroups')}</span>{' '}
          {complete.map((g, i) => (
            <span key={g.delegationId ?? 'none'}>
              {i > 0 ? ', ' : ''}<bdi>{g.delegationId === null ? t('rollCall.noDelegation') : g.name}</bdi> ({clock.number(g.here)})
            </span>
          ))}
        </p>
      ) : null}
    </section>
  );
}
