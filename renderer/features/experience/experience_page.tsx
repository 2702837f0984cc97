import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/use_api_query';
import { EmptyState, ErrorNotice, Page } from '../../ui/page';
import { ElectionsPanel } from './elections_panel';
import { IdentityStation } from './identity_station';
import { activeRound, RoomPanel } from './room_panel';
import { useRoomQuery } from './use_room_query';
import './experience.css';

const TABS = ['room', 'identity', 'elections'] as const;
type Tab = (typeof TABS)[number];

/** The tab the URL names (#/experience/identity), so an identity-station tablet can keep its screen. */
function tabFromHash(): Tab {
  const part = window.location.hash.replace(/^#\/?/u, '').split('/')[1] ?? '';
  return (TABS as readonly string[]).includes(part) ? (part as Tab) : 'room';
}

/**
 * The election experience room for presenters: run rounds (zero report, live turnout and
 * integrity, close, archive), the identity station that issues ballots, and the elections
 * with their editor.
 */
export function ExperiencePage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>(tabFromHash);
  const elections = useApiQuery('elections.list', {});
  const rounds = useRoomQuery('voting.rounds.list', {});
  const active = activeRound(rounds.value ?? []);

  useEffect(() => {
    const onHash = () => setTab(tabFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const choose = (next: Tab) => {
    // The URL keeps the tab, so Back works and a reload stays on it.
    history.pushState(null, '', next === 'room' ? '#/experience' : `#/experience/${next}`);
    setTab(next);
  };

  return (
    <Page title={t('experience.title')}>
      <div className="tabs" role="tablist" aria-label={t('experience.title')}>
        {TABS.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} onClick={() => choose(name)} data-testid={`room-tab-${name}`}>
            {t(`room.tab.${name}`)}
          </button>
        ))}
      </div>
      {elections.status === 'error' ? <ErrorNotice message={elections.error.message} onRetry={elections.reload} retryLabel={t('common.retry')} /> : null}
      <div role="tabpanel">
        {tab === 'room' ? <RoomPanel elections={elections.value ?? []} /> : null}
        {tab === 'identity' ? (
          active?.round.status === 'open' ? (
            <IdentityStation roundId={active.round.id} />
          ) : (
            <EmptyState icon="experience" title={t('room.identity.noOpenRound')}>
              <p>{t('room.identity.noOpenRoundBody')}</p>
            </EmptyState>
          )
        ) : null}
        {tab === 'elections' ? (
          elections.value?.length === 0 && elections.status === 'ok' ? (
            <>
              <EmptyState icon="experience" title={t('experience.noElection')} />
              <ElectionsPanel elections={[]} onChanged={elections.reload} />
            </>
          ) : (
            <ElectionsPanel elections={elections.value ?? []} onChanged={elections.reload} />
          )
        ) : null}
      </div>
    </Page>
  );
}
