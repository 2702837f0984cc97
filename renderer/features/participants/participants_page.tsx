import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/use_api_query';
import { Page } from '../../ui/page';
import { CategoryList } from './category_list';
import { DelegationList } from './delegation_list';
import { ExportButtons, UndoButton } from './page_actions';
import { PhotoImportButton } from './photo_import';
import type { EditorTarget } from './participant_editor';
import { PeopleView, toListFilter, type PeopleFilter } from './people_view';
import './participants.css';

type View = 'people' | 'delegations' | 'categories';

const NO_FILTER: PeopleFilter = { query: '', categoryCode: '', delegationId: '', country: '', status: '', arrival: '', sort: undefined, direction: 'asc' };

/**
 * Everyone registered for the event: find anyone as you type, edit in a side panel, add a
 * walk-in, cancel or restore, undo; delegations with their heads and protocol order; the
 * categories and their colours; export the list as shown.
 */
export function ParticipantsPage() {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<View>('people');
  const [filter, setFilterState] = useState<PeopleFilter>(NO_FILTER);
  const [editor, setEditor] = useState<EditorTarget | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const categories = useApiQuery('categories.list', {});
  const delegations = useApiQuery('delegations.list', {});
  const whoami = useApiQuery('devices.whoami', {});
  const isAdmin = whoami.value?.role === 'admin';
  // The presenter's remote reads the list; the host's screens and the desks change it.
  const canWrite = whoami.value?.role === 'admin' || whoami.value?.role === 'desk';
  const setFilter = (update: Partial<PeopleFilter>) => setFilterState((f) => ({ ...f, ...update }));

  // A message about the last action stays a few seconds (it is also announced to screen readers).
  useEffect(() => {
    if (!message) return undefined;
    const timer = setTimeout(() => setMessage(null), 6000);
    return () => clearTimeout(timer);
  }, [message]);

  const addWalkIn = () => {
    setView('people');
    setEditor({ kind: 'create' });
  };

  return (
    <Page
      title={t('participants.title')}
      actions={
        <>
          {canWrite ? <UndoButton onDone={(text) => setMessage(text)} /> : null}
          {isAdmin ? <ExportButtons filter={toListFilter(filter, i18n.language)} onDone={setMessage} /> : null}
          {isAdmin ? <PhotoImportButton onDone={setMessage} /> : null}
          {isAdmin ? (
            <button type="button" onClick={() => (window.location.hash = '#/import')} data-testid="import-button">
              {t('people.import')}
            </button>
          ) : null}
          {canWrite ? (
            <button type="button" className="primary" onClick={addWalkIn} data-testid="add-walk-in">
              {t('people.addWalkIn')}
            </button>
          ) : null}
        </>
      }
    >
      <div className="pp">
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={view === 'people'} onClick={() => setView('people')} data-testid="tab-people">
          {t('participants.people')}
        </button>
        <button type="button" role="tab" aria-selected={view === 'delegations'} onClick={() => setView('delegations')} data-testid="tab-delegations">
          {t('participants.delegations')}
        </button>
        <button type="button" role="tab" aria-selected={view === 'categories'} onClick={() => setView('categories')} data-testid="tab-categories">
          {t('people.categories')}
        </button>
      </div>
      {message ? (
        <p className="toast" aria-live="polite" data-testid="participants-message">
          <bdi>{message}</bdi>
        </p>
      ) : null}
      {view === 'people' ? (
        <PeopleView
          filter={filter}
          setFilter={setFilter}
          categories={categories.value ?? []}
          delegations={delegations.value ?? []}
          editor={editor}
          setEditor={setEditor}
          canMerge={isAdmin}
          onChanged={(p, change) => setMessage(!change ? t('people.nothingChanged') : change.kind === 'merge' ? t('people.merged', { name: p.displayName }) : t('people.saved', { name: p.displayName }))}
        />
      ) : view === 'delegations' ? (
        <DelegationList
          canManage={isAdmin}
          onShowMembers={(id) => {
            setFilterState({ ...NO_FILTER, delegationId: String(id), sort: 'protocol' });
            setView('people');
          }}
          onMessage={setMessage}
        />
      ) : (
        <CategoryList canManage={isAdmin} onMessage={setMessage} />
      )}
      </div>
    </Page>
  );
}
