import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant, ParticipantChange } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { useApiQuery } from '../../api/use_api_query';
import { countryName } from '../../ui/names';

/**
 * Merging a second record of the same person into the one being edited: search for the
 * duplicate (the import lists likely ones), check it is the same person, merge. The edited
 * record keeps its details and takes the ones it lacks; the duplicate is removed; undo puts
 * both back.
 */
export function MergeDuplicate({ keep, onMerged, onProblem }: {
  keep: Participant;
  onMerged: (participant: Participant, change: ParticipantChange | null) => void;
  onProblem: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  // Seeded with the name, cut to what a search takes (200 UTF-16 units): a 600-letter name would be refused.
  const [query, setQuery] = useState(() => Array.from(keep.familyName || keep.displayName).slice(0, 100).join(''));
  const [busy, setBusy] = useState(false);
  const found = useApiQuery('participants.list', { query, limit: 6 });
  const candidates = (found.value?.items ?? []).filter((p) => p.id !== keep.id).slice(0, 5);

  const merge = async (drop: Participant) => {
    setBusy(true);
    const result = await api.call('participants.merge', { keepId: keep.id, keepUpdatedAt: keep.updatedAt, dropId: drop.id, dropUpdatedAt: drop.updatedAt });
    setBusy(false);
    if (result.ok) onMerged(result.value.participant, result.value.change);
    else onProblem(result.error.message);
  };

  return (
    <details className="field-wide merge-box" data-testid="merge-duplicate">
      <summary>{t('people.mergeTitle')}</summary>
      <p className="field-hint">{t('people.mergeHint')}</p>
      <input
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        // Enter here searches; it must not save the edit form around it.
        onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
        aria-label={t('people.mergeSearch')}
        maxLength={200}
        dir="auto"
        autoComplete="off"
        spellCheck={false}
        data-testid="merge-search"
      />
      <ul className="merge-candidates">
        {candidates.map((p) => (
          <li key={p.id}>
            <span className="merge-who">
              <bdi className="cell-text" title={p.displayName}>{p.displayName}</bdi>
              <span className="sub-line">
                <bdi className="cell-text">{[p.externalId, p.email, p.organisation, countryName(p.country, i18n.language)].filter(Boolean).map((s) => `\u2068${s}\u2069`).join(' · ')}</bdi>
              </span>
            </span>
            <button type="button" disabled={busy} onClick={() => void merge(p)} data-testid="merge-button">
              {t('people.mergeInto')}
            </button>
          </li>
        ))}
        {query.trim() && found.value && candidates.length === 0 ? <li className="muted">{t('people.mergeNone')}</li> : null}
      </ul>
    </details>
  );
}
