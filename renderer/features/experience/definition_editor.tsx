import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contest, DefinitionProblem, Election, ElectionDefinition } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { BOOTH_LANGUAGES } from '../booth';
import { ContestEditor } from './contest_editor';
import { FieldProblems, LocalizedField } from './localized_field';
import { groupedFingerprint } from './round_report';

/** A new contest for the editor: one plurality contest with two empty candidates. */
function newContest(contests: readonly Contest[]): Contest {
  let n = contests.length + 1;
  while (contests.some((c) => c.id === `contest-${n}`)) n++;
  const option = (symbol: number) => ({ id: `option-${symbol}`, symbol, name: { en: '' }, party: null, partyId: null, colour: '#6b7280', image: null });
  return {
    id: `contest-${n}`, title: { en: '' }, type: 'plurality', seats: 1, votesAllowed: null, maxRanks: null, rankedMethod: null,
    allocation: null, district: null, question: null, ballotColour: '#ffffff', demonstrateInvalid: false, options: [option(1), option(2)],
  };
}

/**
 * The definition editor for presenters: every text in every language the election is
 * written in, contests with their rules and paper colour, candidates and parties in ballot
 * order. Each change is checked by the core (nothing saved) and its problems appear beside
 * the field they concern; Save stores it only when no error is left.
 */
export function DefinitionEditor({ election, onClose }: { election: Election; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [draft, setDraft] = useState<ElectionDefinition>(election.definition);
  const [problems, setProblems] = useState<readonly DefinitionProblem[]>([]);
  const [fingerprint, setFingerprint] = useState<string | null>(election.fingerprint);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const request = useRef(0);

  useEffect(() => {
    const mine = ++request.current;
    const timer = setTimeout(() => {
      void api.call('elections.validate', { definition: draft }).then((r) => {
        if (mine !== request.current || !r.ok) return;
        setProblems(r.value.problems);
        setFingerprint(r.value.fingerprint);
      });
    }, 250);
    return () => clearTimeout(timer);
  }, [api, draft]);

  const change = (next: ElectionDefinition) => {
    setSaved(false);
    setDraft(next);
  };
  const setContest = (i: number, contest: Contest) => change({ ...draft, contests: draft.contests.map((c, j) => (j === i ? contest : c)) });
  const errors = problems.filter((p) => p.severity === 'error');

  const save = () => {
    setSaveError(null);
    void api.call('elections.save', { electionId: election.id, definition: draft }).then((r) => {
      if (!r.ok) {
        setSaveError(r.error.message);
        return;
      }
      setProblems(r.value.problems);
      if (r.value.saved) {
        setSaved(true);
        setFingerprint(r.value.election.fingerprint);
      }
    });
  };

  return (
    <div className="definition-editor" data-testid="definition-editor">
      <div className="editor-bar">
        <button type="button" onClick={onClose}>{t('room.common.back')}</button>
        <span className={errors.length > 0 ? 'alarm-text' : 'ok-text'} data-testid="editor-summary" role="status">
          {errors.length > 0 ? t('room.editor.errors', { count: errors.length }) : t('room.editor.noErrors')}
        </span>
        {fingerprint ? <code className="fingerprint-full" dir="ltr">{groupedFingerprint(fingerprint).slice(0, 39)}…</code> : null}
        <button type="button" className="primary" disabled={errors.length > 0} onClick={save} data-testid="editor-save">{t('room.editor.save')}</button>
        {saved ? <span className="ok-text" role="status">{t('room.editor.saved')}</span> : null}
      </div>
      {saveError ? <p className="form-error" role="alert">{saveError}</p> : null}
      <section className="card">
        <LocalizedField label={t('room.editor.electionTitle')} value={draft.title} languages={draft.languages} path="title" problems={problems} onChange={(title) => change({ ...draft, title })} testId="election-title" />
        <fieldset className="languages-field">
          <legend>{t('room.editor.languages')}</legend>
          {BOOTH_LANGUAGES.map((l) => (
            <label key={l.code} className="checkbox">
              <input
                type="checkbox"
                checked={draft.languages.includes(l.code)}
                disabled={l.code === 'en'}
                onChange={(e) => change({ ...draft, languages: e.target.checked ? [...draft.languages, l.code] : draft.languages.filter((x) => x !== l.code) })}
              />
              <span lang={l.code}>{l.nativeName}</span>
            </label>
          ))}
          <FieldProblems problems={problems.filter((p) => p.path === 'languages')} />
        </fieldset>
        <FieldProblems problems={problems.filter((p) => p.path === '' || p.path === 'contests')} />
      </section>
      {draft.contests.map((contest, i) => (
        <ContestEditor
          key={i}
          contest={contest}
          index={i}
          languages={draft.languages}
          problems={problems}
          onChange={(c) => setContest(i, c)}
          onRemove={draft.contests.length > 1 ? () => change({ ...draft, contests: draft.contests.filter((_, j) => j !== i) }) : null}
        />
      ))}
      <button type="button" onClick={() => change({ ...draft, contests: [...draft.contests, newContest(draft.contests)] })}>{t('room.editor.addContest')}</button>
    </div>
  );
}
