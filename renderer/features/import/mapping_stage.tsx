import { useTranslation } from 'react-i18next';
import type { ImportMapping, ImportReadOptions } from '../../../electron/contract';
import { FileSettings } from './file_settings';
import type { Mapped } from './import_state';
import { MappingTable } from './mapping_table';
import { PresetBar } from './preset_bar';
import { PlanSummary, PreviewTable } from './preview_table';
import { ProblemList } from './problem_text';

/** The check-and-map step: how the file was read, the mapping, what will happen, and Import. */
export function MappingStage({ stage, onRead, onMapping, onPreset, onChange, onCommit, onCancel }: {
  stage: Mapped;
  onRead: (read: ImportReadOptions) => void;
  onMapping: (mapping: ImportMapping) => void;
  onPreset: (preset: string | null) => void;
  onChange: (patch: Partial<Mapped>) => void;
  onCommit: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { analysis, busy } = stage;
  const blocking = analysis.problems.filter((p) => p.severity === 'blocking');
  const errors = analysis.plan.rowsWithErrors;
  const canImport = !busy && blocking.length === 0 && (errors === 0 || stage.skipErrors) && analysis.plan.rows > errors;
  return (
    <div className="import-mapping-stage" aria-busy={busy}>
      {stage.error ? <p className="notice notice-error" role="alert" data-testid="import-error">{stage.error}</p> : null}
      <FileSettings analysis={analysis} read={stage.read} onRead={onRead} busy={busy} />
      {blocking.length ? (
        <div role="alert" className="import-blocking">
          <ProblemList problems={blocking} total={blocking.length} fileName={analysis.fileName} testId="import-blocking" />
        </div>
      ) : null}
      {analysis.columns.length ? (
        <>
          <PresetBar analysis={analysis} mapping={stage.mapping} onApply={onPreset} busy={busy} />
          <MappingTable analysis={analysis} mapping={stage.mapping} onMapping={onMapping} busy={busy} />
          <PlanSummary analysis={analysis} />
          <PreviewTable analysis={analysis} mapping={stage.mapping} />
          {analysis.problemTotal > blocking.length ? (
            <section className="import-section" aria-labelledby="import-problems-title">
              <h2 id="import-problems-title" className="section-title">{t('import.problems.title')}</h2>
              <ProblemList
                problems={analysis.problems.filter((p) => p.severity !== 'blocking')}
                total={analysis.problemTotal - blocking.length}
                fileName={analysis.fileName}
                testId="import-problems"
              />
            </section>
          ) : null}
        </>
      ) : null}
      {analysis.columns.length === 0 ? (
        <div className="import-actions">
          <button type="button" className="primary" onClick={onCancel} data-testid="import-choose-another">{t('import.commit.chooseAnother')}</button>
        </div>
      ) : (
        <div className="import-commit">
          <label className="import-source">
            {t('import.commit.source')}
            <input list="import-sources" value={stage.source} maxLength={120} onChange={(e) => onChange({ source: e.target.value })} data-testid="import-source" />
            <datalist id="import-sources">
              {analysis.sources.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
            <span className="muted">{t('import.commit.sourceHint')}</span>
          </label>
          {errors > 0 ? (
            <label className="checkbox">
              <input type="checkbox" checked={stage.skipErrors} onChange={(e) => onChange({ skipErrors: e.target.checked })} data-testid="import-skip-errors" />
              {t('import.commit.skipErrors', { count: errors })}
            </label>
          ) : null}
          {blocking.length ? <p className="muted">{t('import.commit.blocked')}</p> : errors > 0 && !stage.skipErrors ? <p className="muted">{t('import.commit.needsSkip')}</p> : null}
          <div className="import-actions">
            <button type="button" className="primary" disabled={!canImport} onClick={onCommit} data-testid="import-commit">{t('import.commit.button')}</button>
            <button type="button" onClick={onCancel}>{t('import.commit.cancel')}</button>
          </div>
        </div>
      )}
    </div>
  );
}
