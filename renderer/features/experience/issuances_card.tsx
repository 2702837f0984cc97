import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issuance } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { AssignBooth } from './booths_card';
import { useRoomQuery } from './use_room_query';

const REASONS = ['spoiled', 'unused', 'wrong_voter', 'other'] as const;
type Reason = (typeof REASONS)[number];

/**
 * Ballots handed out in this round: who, when, where, and what became of each. An issued
 * ballot can go to a booth, or be cancelled with its reason (spoiled, unused…) as the real
 * procedure records it; the voter may then be issued a new one.
 */
export function IssuancesCard({ roundId, open }: { roundId: number; open: boolean }) {
  const { t } = useTranslation();
  const issuances = useRoomQuery('voting.issuances.list', { roundId });
  const [acting, setActing] = useState<{ id: number; kind: 'cancel' | 'assign' } | null>(null);
  const list = issuances.value ?? [];
  // A cancelled ballot's voter who already holds a new one needs no "issue again".
  const live = new Set(list.filter((i) => i.status !== 'cancelled').map((i) => i.participantId));
  return (
    <section className="card" data-testid="issuances">
      <h2>{t('room.issued.title')}</h2>
      {list.length === 0 ? <p className="muted">{t('room.issued.none')}</p> : null}
      {list.length > 0 ? (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('room.issued.time')}</th>
              <th scope="col">{t('room.issued.voter')}</th>
              <th scope="col">{t('room.issued.station')}</th>
              <th scope="col">{t('room.issued.state')}</th>
              <th scope="col"><span className="visually-hidden">{t('room.issued.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {list.map((issuance) => (
              <tr key={issuance.id} data-testid="issuance-row" data-status={issuance.status} className={issuance.status === 'cancelled' ? 'cancelled-row' : undefined}>
                <td>{issuance.issuedAtLocal}</td>
                <td><bdi>{issuance.voterName}</bdi></td>
                <td><bdi>{issuance.station}</bdi></td>
                <td><IssuanceState issuance={issuance} /></td>
                <td>
                  <div className="row-actions">
                  {issuance.status === 'issued' && open ? (
                    acting?.id === issuance.id && acting.kind === 'cancel' ? (
                      <CancelForm issuance={issuance} onDone={() => { setActing(null); issuances.reload(); }} />
                    ) : acting?.id === issuance.id && acting.kind === 'assign' ? (
                      <AssignBooth issuanceId={issuance.id} onDone={() => setActing(null)} />
                    ) : (
                      <>
                        {issuance.boothName ? null : (
                          <button type="button" onClick={() => setActing({ id: issuance.id, kind: 'assign' })}>{t('room.issued.toBooth')}</button>
                        )}
                        <button type="button" onClick={() => setActing({ id: issuance.id, kind: 'cancel' })} data-testid="cancel-ballot">
                          {t('room.issued.cancel')}
                        </button>
                      </>
                    )
                  ) : null}
                  {issuance.status === 'cancelled' && open && !live.has(issuance.participantId) ? <ReissueButton issuance={issuance} onDone={issuances.reload} /> : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function IssuanceState({ issuance }: { issuance: Issuance }) {
  const { t } = useTranslation();
  switch (issuance.status) {
    case 'cast':
      return <span className="pill">{t('room.issued.cast')}</span>;
    case 'cancelled':
      return (
        <span>
          {t('room.issued.cancelled', { reason: t(`room.reason.${issuance.cancelReason ?? 'other'}`) })}
          {issuance.cancelNote ? <span className="sub"><bdi>{issuance.cancelNote}</bdi></span> : null}
        </span>
      );
    case 'issued':
      return <span>{issuance.boothName ? t('room.issued.atBooth', { booth: issuance.boothName }) : t('room.issued.waiting')}</span>;
  }
}

/** Cancels a spoiled or unused ballot: the reason is required, a note is optional; nothing happens half-way. */
function CancelForm({ issuance, onDone }: { issuance: Issuance; onDone: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [reason, setReason] = useState<Reason>('spoiled');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    if (reason === 'other' && !note.trim()) {
      setError(t('room.issued.noteNeeded'));
      return;
    }
    void api.call('voting.cancel', { issuanceId: issuance.id, reason, note: note.trim() }).then((r) => {
      if (!r.ok) {
        setError(r.error.message);
        return;
      }
      onDone();
    });
  };
  return (
    <div className="cancel-form" data-testid="cancel-form">
      <label>
        <span className="visually-hidden">{t('room.issued.reason')}</span>
        <select value={reason} onChange={(e) => setReason(e.target.value as Reason)} data-testid="cancel-reason">
          {REASONS.map((r) => <option key={r} value={r}>{t(`room.reason.${r}`)}</option>)}
        </select>
      </label>
      <label>
        <span className="visually-hidden">{t('room.issued.note')}</span>
        <input value={note} placeholder={t('room.issued.note')} onChange={(e) => setNote(e.target.value)} data-testid="cancel-note" />
      </label>
      <button type="button" className="danger" onClick={submit} data-testid="cancel-confirm">{t('room.issued.cancelConfirm')}</button>
      <button type="button" onClick={onDone}>{t('room.common.back')}</button>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
    </div>
  );
}

/** Issues the same voter a new ballot after a cancellation (the core refuses if they hold one already). */
function ReissueButton({ issuance, onDone }: { issuance: Issuance; onDone: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const reissue = () => {
    void api.call('voting.issue', { roundId: issuance.roundId, participantId: issuance.participantId }).then((r) => {
      setError(r.ok ? null : r.error.message);
      onDone();
    });
  };
  return (
    <>
      <button type="button" onClick={reissue} data-testid="reissue">{t('room.issued.reissue')}</button>
      {error ? <span className="form-error" role="alert">{error}</span> : null}
    </>
  );
}
