import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SessionFieldsSchema, SessionTypeSchema, type ProgrammeSession, type SessionType } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { useApiQuery } from '../../api/use_api_query';
import { AudienceFields } from './audience_fields';

type Draft = {
  title: string;
  type: SessionType;
  day: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  expected: ProgrammeSession['expected'];
  checksOutOf: number[];
};

function draftOf(session: ProgrammeSession | null, day: string): Draft {
  return session
    ? { title: session.title, type: session.type, day: session.day, startsAt: session.startsAt, endsAt: session.endsAt, venue: session.venue, expected: session.expected, checksOutOf: session.checksOutOf }
    : { title: '', type: 'lecture', day, startsAt: '09:00', endsAt: '10:00', venue: '', expected: { kind: 'all' }, checksOutOf: [] };
}

/**
 * Adds or changes a session: title, type, day within the event, times, venue, who is expected,
 * and which sessions entering it checks people out of. Checked here as the host will check it,
 * so a mistake is shown beside its field and nothing is saved half-way.
 */
export function SessionEditor({ session, sessions, onDone }: {
  /** The session to change, or null for a new one. */
  session: ProgrammeSession | null;
  sessions: readonly ProgrammeSession[];
  onDone: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const event = useApiQuery('event.current', {});
  const [draft, setDraft] = useState<Draft>(() => draftOf(session, event.value?.startDate ?? sessions[0]?.day ?? ''));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [hostProblem, setHostProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const patch = (p: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...p }));
    // A field's problem goes as soon as the field changes; the next save checks again.
    setProblems((prev) => Object.fromEntries(Object.entries(prev).filter(([k]) => !(k in p))));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = SessionFieldsSchema.safeParse(draft);
    if (!parsed.success) {
      setProblems(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'form'), i.message])));
      return;
    }
    if (draft.expected.kind !== 'all' && (draft.expected.kind === 'delegations' ? draft.expected.delegationIds : draft.expected.participantIds).length === 0) {
      setProblems({ expected: t('programmeEdit.chooseSomeone') });
      return;
    }
    setProblems({});
    setSaving(true);
    const result = session ? await api.call('sessions.update', { id: session.id, fields: parsed.data }) : await api.call('sessions.create', parsed.data);
    setSaving(false);
    if (!result.ok) {
      setHostProblem(result.error.message);
      return;
    }
    onDone(t(session ? 'programmeEdit.saved' : 'programmeEdit.created', { title: result.value.title }));
  };

  const field = (name: keyof Draft) => (problems[name] ? <span className="prog-problem" role="alert">{problems[name]}</span> : null);
  const others = sessions.filter((s) => s.id !== session?.id);
  return (
    <form className="card prog-editor" onSubmit={(e) => void submit(e)} aria-labelledby="prog-editor-title" data-testid="session-editor" noValidate>
      <h2 id="prog-editor-title">{session ? t('programmeEdit.editTitle') : t('programmeEdit.newTitle')}</h2>
      {hostProblem ? <div className="notice notice-error" role="alert">{hostProblem}</div> : null}
      <div className="prog-form-grid">
        <label className="prog-wide">
          <span>{t('programmeEdit.title')}</span>
          <input value={draft.title} onChange={(e) => patch({ title: e.target.value })} data-testid="session-title" required aria-invalid={!!problems['title']} />
          {field('title')}
        </label>
        <label>
          <span>{t('programmeEdit.type')}</span>
          <select value={draft.type} onChange={(e) => patch({ type: SessionTypeSchema.parse(e.target.value) })} data-testid="session-type">
            {SessionTypeSchema.options.map((type) => <option key={type} value={type}>{t(`sessionType.${type}`)}</option>)}
          </select>
        </label>
        <label>
          <span>{t('programmeEdit.day')}</span>
          <input type="date" value={draft.day} min={event.value?.startDate} max={event.value?.endDate} onChange={(e) => patch({ day: e.target.value })} data-testid="session-day" />
          {field('day')}
        </label>
        <label>
          <span>{t('programmeEdit.starts')}</span>
          <input type="time" value={draft.startsAt} onChange={(e) => patch({ startsAt: e.target.value })} data-testid="session-starts" />
          {field('startsAt')}
        </label>
        <label>
          <span>{t('programmeEdit.ends')}</span>
          <input type="time" value={draft.endsAt} onChange={(e) => patch({ endsAt: e.target.value })} data-testid="session-ends" aria-invalid={!!problems['endsAt']} />
          {field('endsAt')}
        </label>
        <label className="prog-wide">
          <span>{t('programmeEdit.venue')}</span>
          <input value={draft.venue} onChange={(e) => patch({ venue: e.target.value })} placeholder={t('programmeEdit.venueHint')} data-testid="session-venue" />
          {field('venue')}
        </label>
      </div>
      <AudienceFields value={draft.expected} onChange={(expected) => patch({ expected })} />
      {field('expected')}
      {others.length > 0 ? (
        <fieldset className="prog-checkout">
          <legend>{t('programmeEdit.checksOutOf')}</legend>
          <p className="muted">{t('programmeEdit.checksOutOfHint')}</p>
          <ul>
            {others.map((s) => (
              <li key={s.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={draft.checksOutOf.includes(s.id)}
                    onChange={(e) => patch({ checksOutOf: e.target.checked ? [...draft.checksOutOf, s.id] : draft.checksOutOf.filter((x) => x !== s.id) })}
                  />
                  <span className="prog-when">{s.day} {s.startsAt}</span> <bdi>{s.title}</bdi>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      <div className="prog-form-actions">
        <button type="submit" className="primary" disabled={saving} data-testid="session-save">{saving ? t('programmeEdit.saving') : t('programmeEdit.save')}</button>
        <button type="button" onClick={() => onDone(null)}>{t('programmeEdit.cancel')}</button>
      </div>
    </form>
  );
}
