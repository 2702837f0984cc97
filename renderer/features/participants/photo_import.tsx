import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoFileOutcome } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { shrinkPhoto } from './photo_shrink';

const IMAGE_NAME = /\.(jpe?g|png|webp|gif|bmp|heic|avif)$/iu;

/**
 * "Import photos": pick a folder (or files) named by registration id or e-mail. Each photo is
 * shrunk here and matched by the host; the report lists what was stored and what was not, and why.
 */
export function PhotoImportButton({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [report, setReport] = useState<PhotoFileOutcome[] | null>(null);
  // A whole folder at once (Chromium's directory picker); React has no typed prop for it.
  useEffect(() => input.current?.setAttribute('webkitdirectory', ''), []);

  const run = async (files: File[]) => {
    const pictures = files.filter((f) => IMAGE_NAME.test(f.name));
    const outcomes: PhotoFileOutcome[] = [];
    setProgress({ done: 0, total: pictures.length });
    for (const [index, file] of pictures.entries()) {
      const base64 = await shrinkPhoto(file);
      if (base64 === null) {
        outcomes.push({ fileName: file.name, result: 'not_an_image', participantId: null, displayName: null, message: t('photos.unreadable') });
      } else {
        const result = await api.call('photos.importFile', { fileName: file.name, base64 });
        outcomes.push(result.ok ? result.value : { fileName: file.name, result: 'no_match', participantId: null, displayName: null, message: result.error.message });
      }
      setProgress({ done: index + 1, total: pictures.length });
    }
    setProgress(null);
    setReport(outcomes);
    onDone(t('photos.stored', { count: outcomes.filter((o) => o.result === 'stored').length, total: pictures.length }));
  };

  const skipped = report?.filter((o) => o.result !== 'stored') ?? [];
  return (
    <>
      <button type="button" onClick={() => input.current?.click()} disabled={progress !== null} data-testid="photo-import" title={t('photos.hint')}>
        {progress ? t('photos.progress', progress) : t('photos.import')}
      </button>
      <input
        ref={input}
        type="file"
        accept="image/*"
        multiple
        hidden
        data-testid="photo-import-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) void run(files);
        }}
      />
      {report && skipped.length ? (
        <div className="notice notice-warn photo-report" role="status" data-testid="photo-report">
          <p>{t('photos.skipped', { count: skipped.length })}</p>
          <ul>
            {skipped.slice(0, 20).map((o) => (
              <li key={o.fileName}><bdi>{o.fileName}</bdi>: {o.message}</li>
            ))}
          </ul>
          <button type="button" onClick={() => setReport(null)}>{t('photos.dismiss')}</button>
        </div>
      ) : null}
    </>
  );
}
