import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Election, Eligibility, RoundDetail } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { pickText } from './pick_text';

/** Starts a round for a visiting group: which election, a label the room reads, who may vote. */
export function NewRoundForm({ elections, onCreated }: { elections: readonly Election[]; onCreated: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [electionId, setElectionId] = useState<number | null>(elections[0]?.id ?? null);
  const [label, setLabel] = useState('');
  const [eligibility, setEligibility] = useState<Eligibility>('registered');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = electionId ?? elections[0]?.id ?? null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen === null || busy) return;
    if (!label.trim()) {
      setError(t('room.rounds.labelNeeded'));
      return;
    }
    setBusy(true);
    setError(null);
    void api.call('voting.rounds.create', { electionId: chosen, label: label.trim(), eligibility }).then((r) => {
      setBusy(false);
      if (!r.ok) {
        setError(r.error.message);
        return;
      }
      setLabel('');
      onCreated();
    });
  };

  return (
    <form className="card new-round" onSubmit={submit} data-testid="new-round">
      <h2>{t('room.rounds.newTitle')}</h2>
      <div className="form-grid">
        <label>
          <span>{t('room.rounds.label')}</span>
          <input value={label} placeholder={t('room.rounds.labelExample')} onChange={(e) => setLabel(e.target.value)} data-testid="round-label" />
        </label>
        <label>
          <span>{t('room.rounds.election')}</span>
          <select value={chosen ?? ''} onChange={(e) => setElectionId(Number(e.target.value))} data-testid="round-election">
            {elections.map((e) => (
              <option key={e.id} value={e.id}>{pickText(e.definition.title, i18n.language).text}</option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('room.rounds.eligibility')}</span>
          <select value={eligibility} onChange={(e) => setEligibility(e.target.value as Eligibility)} data-testid="round-eligibility">
            <option value="registered">{t('room.rounds.eligibleRegistered')}</option>
            <option value="checked_in">{t('room.rounds.eligibleCheckedIn')}</option>
          </select>
        </label>
        <button type="submit" className="primary" disabled={busy || chosen === null} data-testid="round-create">
          {t('room.rounds.create')}
        </button>
      </div>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
    </form>
  );
}

/** The buttons a round's state allows: open the polls, close them, archive, or drop a draft. */
export function RoundActions({ detail, onChanged }: { detail: RoundDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);
  const roundId = detail.round.id;

  const run = (method: 'voting.rounds.open' | 'voting.rounds.close' | 'voting.rounds.archive' | 'voting.rounds.remove') => {
    setBusy(true);
    setError(null);
    setConfirmClose(false);
    void api.call(method, { roundId }).then((r) => {
      setBusy(false);
      if (!r.ok) setError(r.error.message);
      onChanged();
    });
  };

  const outstanding = detail.integrity.outstanding;
  return (
    <div className="round-actions">
      {detail.round.status === 'draft' ? (
        <>
          <button type="button" className="primary big" disabled={busy} onClick={() => run('voting.rounds.open')} data-testid="round-open">
            {t('room.rounds.open')}
          </button>
          <button type="button" disabled={busy} onClick={() => run('voting.rounds.remove')}>{t('room.rounds.remove')}</button>
        </>
      ) : null}
      {detail.round.status === 'open' ? (
        confirmClose ? (
          <span className="confirm">
            {outstanding > 0 ? <span className="warn-text">{t('room.rounds.closeOutstanding', { count: outstanding })}</span> : null}
            <button type="button" className="danger" disabled={busy} onClick={() => run('voting.rounds.close')} data-testid="round-close-confirm">
              {t('room.rounds.closeConfirm')}
            </button>
            <button type="button" onClick={() => setConfirmClose(false)}>{t('room.common.keepOpen')}</button>
          </span>
        ) : (
          <button type="button" className="big" disabled={busy} onClick={() => setConfirmClose(true)} data-testid="round-close">
            {t('room.rounds.close')}
          </button>
        )
      ) : null}
      {detail.round.status === 'closed' ? (
        <button type="button" className="primary big" disabled={busy} onClick={() => run('voting.rounds.archive')} data-testid="round-archive">
          {t('room.rounds.archive')}
        </button>
      ) : null}
      {error ? <p className="form-error" role="alert">{error}</p> : null}
    </div>
  );
}
