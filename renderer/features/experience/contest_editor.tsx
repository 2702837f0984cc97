import { useTranslation } from 'react-i18next';
import type { BallotOption, Contest, ContestType, DefinitionProblem } from '../../../electron/contract';
import { FieldProblems, LocalizedField, problemsAt } from './localized_field';

const TYPES: readonly ContestType[] = ['plurality', 'vote_for_n', 'sntv', 'yes_no', 'ranked', 'party_list'];
const ALLOCATIONS = ['largest_remainder_hare', 'dhondt', 'sainte_lague', 'sainte_lague_modified', 'kr_semi_linked_mmp'] as const;

/** A fresh row for a contest: the next free symbol number and an id no other row has. */
export function newOption(contest: Contest): BallotOption {
  const symbol = Math.max(0, ...contest.options.map((o) => o.symbol)) + 1;
  let n = contest.options.length + 1;
  while (contest.options.some((o) => o.id === `option-${n}`)) n++;
  return { id: `option-${n}`, symbol, name: { en: '' }, party: null, partyId: null, colour: '#6b7280', image: null };
}

/** Moves one item of a list up or down (ballot order follows the definition). */
function moved<T>(list: readonly T[], index: number, by: number): T[] {
  const next = [...list];
  const target = index + by;
  if (target < 0 || target >= next.length) return next;
  const [item] = next.splice(index, 1);
  if (item !== undefined) next.splice(target, 0, item);
  return next;
}

/** One contest of the definition: its rules and paper, then its candidates or parties in ballot order. */
export function ContestEditor({ contest, index, languages, problems, onChange, onRemove }: {
  contest: Contest;
  index: number;
  languages: readonly string[];
  problems: readonly DefinitionProblem[];
  onChange: (contest: Contest) => void;
  onRemove: (() => void) | null;
}) {
  const { t } = useTranslation();
  const path = `contests.${index}`;
  const at = (field: string) => problemsAt(problems, `${path}.${field}`);
  const set = <K extends keyof Contest>(key: K, value: Contest[K]) => onChange({ ...contest, [key]: value });
  const setOption = (i: number, option: BallotOption) => set('options', contest.options.map((o, j) => (j === i ? option : o)));
  const partyColumn = contest.type !== 'party_list' && contest.type !== 'yes_no';

  return (
    <section className="card contest-editor" data-testid="contest-editor" style={{ borderInlineStartColor: contest.ballotColour }}>
      <header className="contest-editor-head">
        <h3>{t('room.editor.contestN', { n: index + 1 })}</h3>
        {onRemove ? <button type="button" className="danger" onClick={onRemove}>{t('room.editor.removeContest')}</button> : null}
      </header>
      <FieldProblems problems={problems.filter((p) => p.path === path)} />
      <LocalizedField label={t('room.editor.contestTitle')} value={contest.title} languages={languages} path={`${path}.title`} problems={problems} onChange={(v) => set('title', v)} />
      <div className="form-grid">
        <label>
          <span>{t('room.editor.type')}</span>
          <select value={contest.type} onChange={(e) => set('type', e.target.value as ContestType)} data-testid="contest-type">
            {TYPES.map((type) => <option key={type} value={type}>{t(`room.contestType.${type}`)}</option>)}
          </select>
          <FieldProblems problems={at('type')} />
        </label>
        <label>
          <span>{t('room.editor.seats')}</span>
          <input type="number" min={1} value={contest.seats} onChange={(e) => set('seats', Number(e.target.value))} data-testid="contest-seats" />
          <FieldProblems problems={at('seats')} />
        </label>
        {contest.type === 'vote_for_n' ? (
          <label>
            <span>{t('room.editor.votesAllowed')}</span>
            <input type="number" min={1} value={contest.votesAllowed ?? contest.seats} onChange={(e) => set('votesAllowed', Number(e.target.value))} />
            <FieldProblems problems={at('votesAllowed')} />
          </label>
        ) : null}
        {contest.type === 'ranked' ? (
          <label>
            <span>{t('room.editor.maxRanks')}</span>
            <input type="number" min={1} value={contest.maxRanks ?? contest.options.length} onChange={(e) => set('maxRanks', Number(e.target.value))} />
            <FieldProblems problems={at('maxRanks')} />
          </label>
        ) : null}
        {contest.type === 'party_list' ? (
          <>
            <label>
              <span>{t('room.editor.method')}</span>
              <select
                value={contest.allocation?.method ?? 'largest_remainder_hare'}
                onChange={(e) => set('allocation', { thresholdPct: 0, thresholdDistrictSeats: null, assemblySize: null, ...contest.allocation, method: e.target.value as (typeof ALLOCATIONS)[number] })}
              >
                {ALLOCATIONS.map((m) => <option key={m} value={m}>{t(`room.allocation.${m}`)}</option>)}
              </select>
            </label>
            <label>
              <span>{t('room.editor.threshold')}</span>
              <input
                type="number" min={0} max={100} step={0.1}
                value={contest.allocation?.thresholdPct ?? 0}
                onChange={(e) => set('allocation', { method: 'largest_remainder_hare', thresholdDistrictSeats: null, assemblySize: null, ...contest.allocation, thresholdPct: Number(e.target.value) })}
              />
              <FieldProblems problems={at('allocation')} />
            </label>
          </>
        ) : null}
        <label>
          <span>{t('room.editor.paperColour')}</span>
          <input type="color" value={contest.ballotColour} onChange={(e) => set('ballotColour', e.target.value)} data-testid="contest-colour" />
          <FieldProblems problems={at('ballotColour')} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={contest.demonstrateInvalid} onChange={(e) => set('demonstrateInvalid', e.target.checked)} />
          <span>{t('room.editor.demonstrateInvalid')}</span>
        </label>
      </div>
      {contest.type === 'yes_no' ? (
        <LocalizedField label={t('room.editor.question')} value={contest.question ?? { en: '' }} languages={languages} path={`${path}.question`} problems={problems} onChange={(v) => set('question', v)} />
      ) : null}
      <FieldProblems problems={problems.filter((p) => p.path === `${path}.options`)} />
      <ol className="option-editors">
        {contest.options.map((option, i) => {
          const opath = `${path}.options.${i}`;
          return (
            <li key={i} className="option-editor" data-testid="option-editor">
              <div className="option-line">
                <label className="symbol-field">
                  <span>{t('room.editor.symbol')}</span>
                  <input type="number" min={1} value={option.symbol} onChange={(e) => setOption(i, { ...option, symbol: Number(e.target.value) })} data-testid="option-symbol" />
                </label>
                <label className="colour-field">
                  <span>{t('room.editor.colour')}</span>
                  <input type="color" value={option.colour} onChange={(e) => setOption(i, { ...option, colour: e.target.value })} />
                </label>
                {partyColumn ? (
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={option.party === null}
                      onChange={(e) => setOption(i, { ...option, party: e.target.checked ? null : { en: '' } })}
                    />
                    <span>{t('room.editor.independent')}</span>
                  </label>
                ) : null}
                <span className="option-tools">
                  <button type="button" aria-label={t('room.editor.moveUp')} disabled={i === 0} onClick={() => set('options', moved(contest.options, i, -1))}>↑</button>
                  <button type="button" aria-label={t('room.editor.moveDown')} disabled={i === contest.options.length - 1} onClick={() => set('options', moved(contest.options, i, 1))}>↓</button>
                  <button type="button" disabled={contest.options.length <= 1} onClick={() => set('options', contest.options.filter((_, j) => j !== i))}>{t('room.editor.removeOption')}</button>
                </span>
              </div>
              <FieldProblems problems={[...problemsAt(problems, `${opath}.symbol`), ...problemsAt(problems, `${opath}.id`), ...problems.filter((p) => p.path === opath)]} />
              <LocalizedField label={contest.type === 'party_list' ? t('room.editor.partyName') : t('room.editor.name')} value={option.name} languages={languages} path={`${opath}.name`} problems={problems} onChange={(v) => setOption(i, { ...option, name: v })} />
              {partyColumn && option.party ? (
                <LocalizedField label={t('room.editor.party')} value={option.party} languages={languages} path={`${opath}.party`} problems={problems} onChange={(v) => setOption(i, { ...option, party: v })} />
              ) : null}
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => set('options', [...contest.options, newOption(contest)])} data-testid="add-option">
        {contest.type === 'party_list' ? t('room.editor.addParty') : t('room.editor.addCandidate')}
      </button>
    </section>
  );
}
