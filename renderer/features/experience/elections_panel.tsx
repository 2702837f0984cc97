import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Election } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { useApiQuery } from '../../api/use_api_query';
import { PaperBallot } from '../booth';
import { DefinitionEditor } from './definition_editor';
import { pickText } from './pick_text';
import { groupedFingerprint } from './round_report';

/** The elections of the event as their papers, new ones from the ready templates, and the editor. */
export function ElectionsPanel({ elections, onChanged }: { elections: readonly Election[]; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const templates = useApiQuery('elections.templates', {});
  const [editing, setEditing] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = elections.find((e) => e.id === editing);

  if (current) {
    return <DefinitionEditor key={current.id} election={current} onClose={() => { setEditing(null); onChanged(); }} />;
  }

  const create = (templateId: string) => {
    void api.call('elections.createFromTemplate', { templateId }).then((r) => {
      setError(r.ok ? null : r.error.message);
      onChanged();
      if (r.ok) setEditing(r.value.id);
    });
  };
  const remove = (election: Election) => {
    void api.call('elections.remove', { electionId: election.id }).then((r) => {
      setError(r.ok ? null : r.error.message);
      onChanged();
    });
  };

  return (
    <div className="elections">
      <section className="card" data-testid="templates">
        <h2>{t('room.elections.newTitle')}</h2>
        <ul className="template-list">
          {templates.value?.map((tpl) => {
            const title = pickText(tpl.title, i18n.language);
            return (
              <li key={tpl.id}>
                <button type="button" className="template" onClick={() => create(tpl.id)} data-testid="template" data-template={tpl.id}>
                  <span className="strong" lang={title.lang}>{title.text}</span>
                  <span className="sub" lang={pickText(tpl.description, i18n.language).lang}>{pickText(tpl.description, i18n.language).text}</span>
                  <span className="sub">{t('room.elections.ballots', { count: tpl.contestCount })}</span>
                </button>
              </li>
            );
          })}
        </ul>
        {error ? <p className="form-error" role="alert">{error}</p> : null}
      </section>
      {elections.map((election) => {
        const title = pickText(election.definition.title, i18n.language);
        return (
          <article key={election.id} className="card election" data-testid="election">
            <header className="election-head">
              <h2 lang={title.lang}>{title.text}</h2>
              <span className="election-tools">
                <button type="button" onClick={() => setEditing(election.id)} data-testid="edit-election">{t('room.elections.edit')}</button>
                <button type="button" onClick={() => remove(election)}>{t('room.elections.remove')}</button>
              </span>
            </header>
            <p className="fingerprint">
              {t('room.report.fingerprint')}: <code dir="ltr">{groupedFingerprint(election.fingerprint)}</code>
            </p>
            <div className="paper-previews">
              {election.definition.contests.map((contest) => (
                <div key={contest.id} className="paper-preview">
                  <PaperBallot
                    contest={contest}
                    marks={[]}
                    language={i18n.language}
                    hostLanguage={election.definition.languages.find((l) => l !== 'en') ?? 'en'}
                    onTap={() => undefined}
                  />
                </div>
              ))}
            </div>
          </article>
        );
      })}
    </div>
  );
}
