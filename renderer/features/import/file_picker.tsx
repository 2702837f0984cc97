import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_MAX_BYTES } from '../../../electron/contract';
import { formatSize } from './upload_file';

/** A drop zone with a real file input inside: works with the mouse, the keyboard and screen readers. */
export function FilePicker({ onFile, disabled }: { onFile: (file: File) => void; disabled: boolean }) {
  const { t, i18n } = useTranslation();
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };
  return (
    <div
      className={over ? 'import-drop over' : 'import-drop'}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="import-drop"
    >
      <p className="import-drop-title">{t('import.choose.drop')}</p>
      <p className="muted">{t('import.choose.or')}</p>
      <label className="button-like">
        {t('import.choose.button')}
        <input
          type="file"
          className="visually-hidden-input"
          accept=".csv,.tsv,.txt,.xlsx,.xlsm,text/csv,text/tab-separated-values,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={disabled}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) onFile(file);
          }}
          data-testid="import-file"
        />
      </label>
      <p className="muted">{t('import.choose.hint', { max: formatSize(IMPORT_MAX_BYTES, i18n.language) })}</p>
    </div>
  );
}
