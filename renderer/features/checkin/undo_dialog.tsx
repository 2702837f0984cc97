import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../electron/contract';
import type { UndoTarget } from './use_desk';

const REASONS = ['mistake', 'wrongPerson', 'leftQueue'] as const;

/**
 * Taking back the last check-in, with a reason (kept in the records). A native modal dialog:
 * focus stays inside, Escape closes it, Enter confirms.
 */
export function UndoDialog({ target, open, onClose, onUndo }: {
  target: UndoTarget | null;
  open: boolean;
  onClose: () => void;
  onUndo: (reason: string) => Promise<ApiError | null>;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement | null>(null);
  const [reason, setReason] = useState<string>(REASONS[0]);
  const [other, setOther] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      setProblem(null);
      d.showModal();
    }
    if (!open && d.open) d.close();
  }, [open]);

  const text = reason === 'other' ? other.trim() : t(`desk.undo.reason.${reason}`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text) {
      setProblem(t('desk.undo.needReason'));
      return;
    }
    setBusy(true);
    void onUndo(text).then((error) => {
      setBusy(false);
      if (error) setProblem(error.message);
      else onClose();
    });
  };

  return (
    <dialog ref={dialog} className="desk-dialog" onClose={onClose} aria-labelledby="desk-undo-title" data-testid="desk-undo-dialog">
      <form onSubmit={submit}>
        <h2 id="desk-undo-title">{t('desk.undo.title', { name: target?.name ?? '' })}</h2>
        <fieldset>
          <legend>{t('desk.undo.why')}</legend>
          {[...REASONS, 'other' as const].map((r) => (
            <label key={r} className="desk-radio">
              <input type="radio" name="undo-reason" value={r} checked={reason === r} onChange={() => setReason(r)} />
              {t(`desk.undo.reason.${r}`)}
            </label>
          ))}
          {reason === 'other' ? (
            <input type="text" value={other} maxLength={200} onChange={(e) => setOther(e.target.value)} aria-label={t('desk.undo.reason.other')} autoFocus data-testid="desk-undo-other" />
          ) : null}
        </fieldset>
        {problem ? <p className="notice notice-error" role="alert">{problem}</p> : null}
        <div className="desk-dialog-actions">
          <button type="button" onClick={onClose}>{t('desk.undo.cancel')}</button>
          <button type="submit" className="primary" disabled={busy} data-testid="desk-undo-confirm">{t('desk.undo.confirm')}</button>
        </div>
      </form>
    </dialog>
  );
}
