import { useTranslation } from 'react-i18next';
import { ImportEncodingSchema, type ImportAnalysis, type ImportReadOptions } from '../../../electron/contract';
import { formatSize } from './upload_file';

const DELIMITERS = [
  [',', 'comma'],
  [';', 'semicolon'],
  ['\t', 'tab'],
  ['|', 'pipe'],
] as const;

/** How the file was read (format, encoding, separator, sheet, header row), each one changeable. */
export function FileSettings({ analysis, read, onRead, busy }: {
  analysis: ImportAnalysis;
  read: ImportReadOptions;
  onRead: (read: ImportReadOptions) => void;
  busy: boolean;
}) {
  const { t, i18n } = useTranslation();
  const text = analysis.format !== 'xlsx' && analysis.format !== null;
  return (
    <div className="import-file-settings" data-testid="import-file-settings">
      <div className="import-setting">
        <span className="import-setting-label">{t('import.file.format')}</span>
        <strong data-testid="import-format">{analysis.format ? t(`import.format.${analysis.format}`) : '—'}</strong>
        <span className="muted"><bdi>{analysis.fileName}</bdi> · <bdi>{formatSize(analysis.size, i18n.language)}</bdi></span>
      </div>
      {text ? (
        <label className="import-setting">
          <span className="import-setting-label">{t('import.file.encoding')}</span>
          <select
            value={analysis.encoding ?? 'utf-8'}
            disabled={busy}
            onChange={(e) => onRead({ ...read, encoding: ImportEncodingSchema.parse(e.target.value), headerRow: undefined })}
            data-testid="import-encoding"
          >
            {ImportEncodingSchema.options.map((enc) => (
              <option key={enc} value={enc}>{t(`import.encoding.${enc}`)}</option>
            ))}
          </select>
          <span className="muted">
            {read.encoding ? t('import.file.chosen') : t('import.file.detected', { confidence: analysis.encodingConfidence ?? 0 })}
            {' · '}
            {t('import.file.encodingHint')}
          </span>
        </label>
      ) : null}
      {text ? (
        <label className="import-setting">
          <span className="import-setting-label">{t('import.file.delimiter')}</span>
          <select
            value={analysis.delimiter ?? ','}
            disabled={busy}
            onChange={(e) => onRead({ ...read, delimiter: DELIMITERS.find(([d]) => d === e.target.value)?.[0], headerRow: undefined })}
            data-testid="import-delimiter"
          >
            {DELIMITERS.map(([d, name]) => (
              <option key={name} value={d}>{t(`import.delimiter.${name}`)}</option>
            ))}
          </select>
        </label>
      ) : null}
      {analysis.sheets.length > 1 ? (
        <label className="import-setting">
          <span className="import-setting-label">{t('import.file.sheet')}</span>
          <select value={analysis.sheet ?? ''} disabled={busy} onChange={(e) => onRead({ ...read, sheet: e.target.value, headerRow: undefined })} data-testid="import-sheet">
            {analysis.sheets.map((s) => (
              <option key={s} value={s}>{s}</option>
            ))}
          </select>
        </label>
      ) : null}
      {analysis.headerRow !== null ? (
        <label className="import-setting">
          <span className="import-setting-label">{t('import.file.headerRow')}</span>
          <input
            type="number"
            min={1}
            className="import-header-row"
            value={analysis.headerRow}
            disabled={busy}
            onChange={(e) => {
              const row = Number(e.target.value);
              if (Number.isInteger(row) && row > 0) onRead({ ...read, headerRow: row });
            }}
            data-testid="import-header-row"
          />
        </label>
      ) : null}
    </div>
  );
}
