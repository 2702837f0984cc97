import { useCallback, useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  IMPORT_MAX_BYTES,
  type ApiError,
  type ImportMapping,
  type ImportReadOptions,
  type PushPayload,
} from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { Page } from '../../ui/page';
import { FilePicker } from './file_picker';
import { ImportReportView } from './import_report';
import type { Mapped, Stage } from './import_state';
import { MappingStage } from './mapping_stage';
import { Working } from './working';
import { formatSize, uploadFile } from './upload_file';
import './import.css';

type Progress = PushPayload<'import.progress'>;

const START: Extract<Stage, { kind: 'choose' }> = { kind: 'choose', notice: '', error: '' };

/** The import screen: choose a file, check how it was read and mapped, import, read the report. */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [stage, setStage] = useState<Stage>(START);
  const [progress, setProgress] = useState<Progress | null>(null);
  const uploadRef = useRef<string | null>(null);
  const stopUpload = useRef(false);
  const request = useRef(0);
  const debounce = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () =>
      api.transport.listen((message) => {
        if (message.topic !== 'import.progress') return;
        const payload = message.payload as Progress;
        if (payload.uploadId === uploadRef.current) setProgress(payload);
      }),
    [api],
  );
  useEffect(() => () => {
    if (debounce.current) clearTimeout(debounce.current);
  }, []);

  const errorText = useCallback(
    (error: ApiError, fileName: string, size: number) =>
      error.code === 'file_too_large'
        ? t('import.errors.file_too_large', { file: fileName, size: formatSize(size, i18n.language), max: formatSize(IMPORT_MAX_BYTES, i18n.language) })
        : error.code === 'empty_file'
          ? t('import.errors.empty_file', { file: fileName })
          : t('import.errors.generic', { message: error.message }),
    [t, i18n.language],
  );

  /** Asks the host to (re)read the upload; a newer request makes an older answer irrelevant. */
  const analyse = useCallback(
    async (uploadId: string, read: ImportReadOptions, mapping?: ImportMapping, preset?: string, keep?: Mapped) => {
      const mine = ++request.current;
      setProgress(null);
      const result = await api.call('import.analyse', { uploadId, ...read, mapping, preset, source: keep?.source });
      if (mine !== request.current) return;
      if (!result.ok) {
        if (result.error.code === 'cancelled') setStage({ ...START, notice: t('import.commit.cancelled') });
        else if (keep) setStage({ ...keep, busy: false, error: result.error.message });
        else setStage({ ...START, error: result.error.message });
        return;
      }
      const analysis = result.value;
      setStage({
        kind: 'mapping',
        uploadId,
        analysis,
        read,
        mapping: analysis.mapping,
        source: keep?.source ?? analysis.suggestedSource,
        skipErrors: keep?.skipErrors ?? false,
        busy: false,
        error: '',
      });
    },
    [api, t],
  );

  const chooseFile = async (file: File) => {
    stopUpload.current = false;
    uploadRef.current = null;
    if (file.size > IMPORT_MAX_BYTES) {
      setStage({ ...START, error: errorText({ code: 'file_too_large', message: '' }, file.name, file.size) });
      return;
    }
    setStage({ kind: 'uploading', fileName: file.name, size: file.size, sent: 0 });
    const uploaded = await uploadFile(api, file, (sent) => setStage({ kind: 'uploading', fileName: file.name, size: file.size, sent }), () => stopUpload.current);
    if (!uploaded.ok) {
      setStage('cancelled' in uploaded ? { ...START, notice: t('import.commit.cancelled') } : { ...START, error: errorText(uploaded.error, file.name, file.size) });
      return;
    }
    uploadRef.current = uploaded.uploadId;
    setStage({ kind: 'analysing', uploadId: uploaded.uploadId, fileName: file.name });
    await analyse(uploaded.uploadId, {});
  };

  const cancel = async () => {
    if (debounce.current) clearTimeout(debounce.current);
    if (stage.kind === 'uploading') {
      stopUpload.current = true;
      return;
    }
    const uploadId = uploadRef.current;
    request.current++;
    uploadRef.current = null;
    if (uploadId) await api.call('import.cancel', { uploadId });
    setStage({ ...START, notice: t('import.commit.cancelled') });
  };

  /** A changed read option re-reads the file with a fresh suggestion; a changed mapping keeps it. */
  const changeRead = (current: Mapped, read: ImportReadOptions) => {
    setStage({ ...current, read, busy: true });
    void analyse(current.uploadId, read, undefined, undefined, current);
  };
  const changeMapping = (current: Mapped, mapping: ImportMapping) => {
    setStage({ ...current, mapping, busy: true });
    if (debounce.current) clearTimeout(debounce.current);
    debounce.current = setTimeout(() => void analyse(current.uploadId, current.read, mapping, undefined, { ...current, mapping }), 250);
  };
  const applyPreset = (current: Mapped, preset: string | null) => {
    setStage({ ...current, busy: true });
    void analyse(current.uploadId, current.read, undefined, preset ?? undefined, current);
  };

  const commit = async (current: Mapped) => {
    setStage({ kind: 'committing', previous: current });
    setProgress(null);
    const result = await api.call('import.commit', {
      uploadId: current.uploadId,
      ...current.read,
      mapping: current.mapping,
      source: current.source.trim() || current.analysis.suggestedSource,
      skipRowsWithErrors: current.skipErrors,
    });
    if (result.ok) {
      uploadRef.current = null;
      setStage({ kind: 'report', report: result.value });
    } else if (result.error.code === 'cancelled') {
      setStage({ ...START, notice: t('import.commit.cancelled') });
    } else {
      setStage({ ...current, error: result.error.message });
    }
  };

  const toParticipants = () => {
    window.location.hash = '#/participants';
  };

  return (
    <Page
      title={t('import.title')}
      subtitle={t('import.subtitle')}
      actions={<button type="button" onClick={toParticipants}>{t('import.back')}</button>}
    >
      <ol className="import-steps" aria-label={t('import.title')}>
        {(['choose', 'map', 'report'] as const).map((step) => (
          <li key={step} aria-current={stepOf(stage) === step ? 'step' : undefined}>{t(`import.steps.${step}`)}</li>
        ))}
      </ol>
      {stage.kind === 'choose' ? (
        <>
          {stage.notice ? <p className="notice" role="status">{stage.notice}</p> : null}
          {stage.error ? <p className="notice notice-error" role="alert" data-testid="import-error">{stage.error}</p> : null}
          <FilePicker onFile={(file) => void chooseFile(file)} disabled={false} />
        </>
      ) : null}
      {stage.kind === 'uploading' || stage.kind === 'analysing' ? (
        <Working
          label={stage.kind === 'uploading'
            ? t('import.choose.uploading', { file: stage.fileName, percent: Math.floor((stage.sent / Math.max(1, stage.size)) * 100) })
            : progressText(progress, t) || t('import.choose.reading', { file: stage.fileName })}
          value={stage.kind === 'uploading' ? stage.sent / Math.max(1, stage.size) : progress && progress.total ? progress.done / progress.total : null}
          onCancel={() => void cancel()}
          cancelLabel={t('import.commit.cancel')}
        />
      ) : null}
      {stage.kind === 'mapping' ? (
        <MappingStage
          stage={stage}
          onRead={(read) => changeRead(stage, read)}
          onMapping={(mapping) => changeMapping(stage, mapping)}
          onPreset={(preset) => applyPreset(stage, preset)}
          onChange={(patch) => setStage({ ...stage, ...patch })}
          onCommit={() => void commit(stage)}
          onCancel={() => void cancel()}
        />
      ) : null}
      {stage.kind === 'committing' ? (
        <Working
          label={progressText(progress, t) || t('import.commit.progress.reading')}
          value={progress && progress.total ? progress.done / progress.total : null}
          onCancel={progress?.phase === 'writing' ? undefined : () => void cancel()}
          cancelLabel={t('import.commit.cancel')}
        />
      ) : null}
      {stage.kind === 'report' ? (
        <ImportReportView report={stage.report} onAnother={() => setStage(START)} onDone={toParticipants} />
      ) : null}
    </Page>
  );
}

function stepOf(stage: Stage): 'choose' | 'map' | 'report' {
  if (stage.kind === 'report') return 'report';
  return stage.kind === 'mapping' || stage.kind === 'committing' || stage.kind === 'analysing' ? 'map' : 'choose';
}

function progressText(progress: Progress | null, t: TFunction): string {
  if (!progress) return '';
  return t(`import.commit.progress.${progress.phase}`, { done: progress.done, total: progress.total });
}
