/** A progress bar with its words and, while it is still possible, a cancel button. */
export function Working({ label, value, onCancel, cancelLabel }: { label: string; value: number | null; onCancel?: () => void; cancelLabel: string }) {
  return (
    <div className="import-working" data-testid="import-progress">
      <p role="status">{label}</p>
      {value === null ? <progress aria-label={label} /> : <progress aria-label={label} value={value} max={1} />}
      {onCancel ? <button type="button" onClick={onCancel} data-testid="import-cancel">{cancelLabel}</button> : null}
    </div>
  );
}

