import { useTranslation } from 'react-i18next';
import type { IntegrityFigures } from '../../../electron/contract';

/**
 * The integrity equation, always in view: issued = cast + outstanding + cancelled. The host
 * computes it from independent counters; when anything disagrees the whole strip turns red
 * with the host's sentence — an alarm, not a footnote.
 */
export function IntegrityStrip({ figures }: { figures: IntegrityFigures }) {
  const { t } = useTranslation();
  const sum = figures.cast + figures.outstanding + figures.cancelled;
  const balanced = figures.balanced && sum === figures.issued;
  return (
    <section
      className={balanced ? 'integrity' : 'integrity alarm'}
      aria-label={t('room.integrity.title')}
      data-testid="integrity"
      data-balanced={balanced}
      role={balanced ? undefined : 'alert'}
    >
      <div className="integrity-equation">
        <Figure label={t('room.integrity.issued')} value={figures.issued} testId="figure-issued" />
        <span className="op" aria-hidden="true">=</span>
        <Figure label={t('room.integrity.cast')} value={figures.cast} testId="figure-cast" />
        <span className="op" aria-hidden="true">+</span>
        <Figure label={t('room.integrity.outstanding')} value={figures.outstanding} testId="figure-outstanding" />
        <span className="op" aria-hidden="true">+</span>
        <Figure label={t('room.integrity.cancelled')} value={figures.cancelled} testId="figure-cancelled" />
      </div>
      <p className="integrity-verdict">
        {balanced ? t('room.integrity.balanced') : (figures.alarm ?? t('room.integrity.mismatch', { issued: figures.issued, sum }))}
      </p>
    </section>
  );
}

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="figure" data-testid={testId}>
      <span className="figure-value">{value}</span>
      <span className="figure-label">{label}</span>
    </div>
  );
}
