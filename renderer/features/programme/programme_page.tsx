import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeSession, PushTopic } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { useApiQuery } from '../../api/use_api_query';
import { EmptyState, ErrorNotice, Page } from '../../ui/page';
import { hashFor, useHashIdParam } from '../attendance';
import { RollCallScreen } from './roll_call';
import { SessionEditor } from './session_editor';
import './programme.css';

// Door counts change with every check-in at a session door.
const REFRESH: readonly PushTopic[] = ['event.changed', 'data.changed', 'checkin.changed'];

/** Groups sessions by day, keeping the host's order (day, then start time). */
function byDay(sessions: readonly ProgrammeSession[]): Array<[string, ProgrammeSession[]]> {
  const days = new Map<string, ProgrammeSession[]>();
  for (const s of sessions) days.set(s.day, [...(days.get(s.day) ?? []), s]);
  return [...days.entries()];
}

/** One session: time, title, venue, type, expected and checked in, and its door, roll call and attendance. */
function SessionRow({ session: s, canEdit, onEdit, onDelete }: { session: ProgrammeSession; canEdit: boolean; onEdit: () => void; onDelete: () => void }) {
  const { t } = useTranslation();
  return (
    <li className="session prog-session" data-testid="session-row" data-session={s.id}>
      <span className="session-time">{s.startsAt}–{s.endsAt}</span>
      <span className="session-main">
        <bdi className="session-title">{s.title}</bdi>
        <span className="sub"><bdi>{s.venue}</bdi></span>
      </span>
      <span className={`session-type type-${s.type}`}>{t(`sessionType.${s.type}`)}</span>
      <span className="session-expected">
        {t('programme.expected', { count: s.expectedCount })}
        <span className="sub" data-testid="session-checked-in">{t('programmeEdit.checkedIn', { count: s.checkInCount })}</span>
      </span>
      <span className="prog-actions">
        <a href={hashFor('checkin', { session: s.id })} data-testid="session-door">{t('programmeEdit.door')}</a>
        <a href={hashFor('programme', { rollcall: s.id })} data-testid="session-rollcall">{t('programmeEdit.rollCall')}</a>
        <a href={hashFor('attendance', { session: s.id })}>{t('programmeEdit.attendance')}</a>
        {canEdit ? (
          <>
            <button type="button" onClick={onEdit} data-testid="session-edit">{t('programmeEdit.edit')}</button>
            <button type="button" onClick={onDelete} data-testid="session-delete">{t('programmeEdit.delete')}</button>
          </>
        ) : null}
      </span>
    </li>
  );
}

/**
 * The programme by day. Staff open a session's door check-in, its bus or site-visit roll call
 * and its attendance from here; the host's admin adds, changes and removes sessions.
 */
export function ProgrammePage() {
  const rollCall = useHashIdParam('rollcall');
  return rollCall ? <RollCallScreen sessionId={rollCall} /> : <ProgrammeList />;
}

function ProgrammeList() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const sessions = useApiQuery('sessions.list', {}, REFRESH);
  const whoami = useApiQuery('devices.whoami', {}, []);
  const canEdit = whoami.value?.role === 'admin';
  const [editing, setEditing] = useState<ProgrammeSession | 'new' | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const dayFormat = new Intl.DateTimeFormat(i18n.language, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  const list = sessions.value ?? [];

  const remove = async (s: ProgrammeSession) => {
    if (!window.confirm(t('programmeEdit.confirmDelete', { title: s.title }))) return;
    const r = await api.call('sessions.delete', { id: s.id });
    setMessage(r.ok ? { text: t('programmeEdit.deleted', { title: s.title }), error: false } : { text: r.error.message, error: true });
    sessions.reload();
  };

  return (
    <Page
      title={t('programme.title')}
      actions={canEdit && editing === null ? <button type="button" className="primary" onClick={() => setEditing('new')} data-testid="session-add">{t('programmeEdit.add')}</button> : undefined}
    >
      {sessions.status === 'error' ? <ErrorNotice message={sessions.error.message} onRetry={sessions.reload} retryLabel={t('common.retry')} /> : null}
      {message ? (
        <div className={message.error ? 'notice notice-error' : 'notice prog-notice'} role={message.error ? 'alert' : 'status'} data-testid="programme-message">
          <span>{message.text}</span>
          <button type="button" onClick={() => setMessage(null)}>{t('common.dismiss')}</button>
        </div>
      ) : null}
      {editing !== null ? (
        <SessionEditor
          key={editing === 'new' ? 'new' : editing.id}
          session={editing === 'new' ? null : editing}
          sessions={list}
          onDone={(text) => {
            setEditing(null);
            if (text) setMessage({ text, error: false });
            sessions.reload();
          }}
        />
      ) : null}
      {sessions.value?.length === 0 && editing === null ? (
        <EmptyState icon="programme" title={t('programme.emptyTitle')}>
          <p>{canEdit ? t('programmeEdit.emptyAdmin') : t('programme.emptyBody')}</p>
        </EmptyState>
      ) : null}
      {byDay(list).map(([day, daySessions]) => (
        <section key={day} className="day">
          <h2 className="section-title">{dayFormat.format(new Date(`${day}T12:00:00Z`))}</h2>
          <ol className="session-list" data-testid="session-list">
            {daySessions.map((s) => (
              <SessionRow key={s.id} session={s} canEdit={canEdit} onEdit={() => setEditing(s)} onDelete={() => void remove(s)} />
            ))}
          </ol>
        </section>
      ))}
    </Page>
  );
}
