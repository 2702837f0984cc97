import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RecountMethodSchema, type CountView } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { checkBallotFile, checkBallotText, titleFromFileName, type BallotFileProblem } from './ballot_file';

type Method = (typeof RecountMethodSchema.options)[number];
const PARTY_LIST: readonly Method[] = ['dhondt', 'sainte-lague', 'modified-sainte-lague', 'hare', 'droop'];
/** Methods that elect one: no seats field. */
const ONE_SEAT: readonly Method[] = ['irv'];

/**
 * "Load ballot records…": a real election's ballots (CSV, one ballot a line, choices in rank
 * order, as `delegate-desk tally` reads them) counted by a method the presenter picks and put on
 * the projector. The file is checked here first (CSV, at most 200 KB, text) and then by the host;
 * every refusal is shown in the panel and nothing changes on the projector.
 */
export function LoadBallotsPanel({ view, onClose }: { view: CountView; onClose: (shownTitle: string | null) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = useId();
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [title, setTitle] = useState('');
  const [method, setMethod] = useState<Method>('irv');
  const [seats, setSeats] = useState(1);
  const [threshold, setThreshold] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const say = (p: BallotFileProblem) => setProblem(t(`countShow.load.problem.${p.key}`, p.values ?? {}));

  const choose = async (file: File | undefined) => {
    setCsv(null);
    setProblem(null);
    if (!file) return;
    setFileName(file.name);
    const before = checkBallotFile(file);
    if (before) return say(before);
    const text = await file.text();
    const after = checkBallotText(text);
    if (after) return say(after);
    setCsv(text);
    if (title.trim() === '') setTitle(titleFromFileName(file.name));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (csv === null) return setProblem(t('countShow.load.problem.noFile'));
    if (title.trim() === '') return setProblem(t('countShow.load.problem.noTitle'));
    setBusy(true);
    void api
      .call('count.loadBallots', {
        roundId: view.roundId,
        title: title.trim(),
        csv,
        method,
        seats: ONE_SEAT.includes(method) ? undefined : seats,
        thresholdPercent: PARTY_LIST.includes(method) ? threshold : undefined,
      })
      .then((r) => {
        setBusy(false);
        if (!r.ok) return setProblem(r.error.message);
        onClose(r.value.title);
      });
  };

  return (
    <form className="load-ballots" onSubmit={submit} aria-labelledby={`${ids}-h`} data-testid="load-ballots-panel">
      <h2 id={`${ids}-h`}>{t('countShow.load.heading')}</h2>
      <p className="load-help">{t('countShow.load.help')}</p>
      <div className="load-fields">
        <label className="load-file">
          <span>{t('countShow.load.file')}</span>
          <input type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.target.files?.[0])} data-testid="load-file" />
          {csv !== null ? <small data-testid="load-file-ok">✔ <bdi>{fileName}</bdi> · {t('countShow.load.lines', { count: csv.split(/\r?\n/u).filter((l) => l.trim() !== '').length })}</small> : null}
        </label>
        <label>
          <span>{t('countShow.load.title')}</span>
          <input value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} placeholder={t('countShow.load.titlePlaceholder')} data-testid="load-title" />
        </label>
        <label>
          <span>{t('countShow.load.method')}</span>
          <select value={method} onChange={(e) => setMethod(e.target.value as Method)} data-testid="load-method">
            {RecountMethodSchema.options.map((m) => <option key={m} value={m}>{t(`countShow.method.${m}`)}</option>)}
          </select>
        </label>
        {ONE_SEAT.includes(method) ? null : (
          <label>
            <span>{t('countShow.load.seats')}</span>
            <input type="number" min={1} max={500} value={seats} onChange={(e) => setSeats(Math.max(1, Math.min(500, Math.round(Number(e.target.value) || 1))))} data-testid="load-seats" />
          </label>
        )}
        {PARTY_LIST.includes(method) ? (
          <label>
            <span>{t('countShow.load.threshold')}</span>
            <input type="number" min={0} max={99} step={0.5} value={threshold} onChange={(e) => setThreshold(Math.max(0, Math.min(99, Number(e.target.value) || 0)))} data-testid="load-threshold" />
          </label>
        ) : null}
      </div>
      {problem ? <p className="notice notice-error" role="alert" data-testid="load-problem">{problem}</p> : null}
      <div className="load-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="load-submit">{busy ? t('countShow.load.counting') : t('countShow.load.submit')}</button>
        <button type="button" onClick={() => onClose(null)}>{t('countShow.load.cancel')}</button>
      </div>
    </form>
  );
}
