import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportAnalysis, ImportMapping } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { useApiQuery } from '../../api/use_api_query';

/** Apply a saved mapping, or save the current one (by header text) under a name. */
export function PresetBar({ analysis, mapping, onApply, busy }: {
  analysis: ImportAnalysis;
  mapping: ImportMapping;
  onApply: (preset: string | null) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const presets = useApiQuery('import.presets.list', {});
  const [name, setName] = useState(analysis.preset ?? '');
  const [notice, setNotice] = useState('');

  const save = async () => {
    const headerOf = new Map(analysis.columns.map((c) => [c.index, c.header]));
    const result = await api.call('import.presets.save', {
      name: name.trim(),
      columns: mapping.columns.filter((c) => headerOf.has(c.index)).map((c) => ({ header: headerOf.get(c.index) ?? '', target: c.target })),
      categoryValues: mapping.categoryValues,
      delegationFromCountry: mapping.delegationFromCountry,
      nameOrder: mapping.nameOrder,
    });
    setNotice(result.ok ? t('import.presets.saved', { name: result.value.name }) : result.error.message);
    presets.reload();
  };
  const remove = async (preset: string) => {
    const result = await api.call('import.presets.delete', { name: preset });
    setNotice(result.ok ? t('import.presets.deleted', { name: preset }) : result.error.message);
    presets.reload();
    onApply(null);
  };

  return (
    <div className="import-presets">
      <label>
        {t('import.presets.label')}{' '}
        <select value={analysis.preset ?? ''} disabled={busy} onChange={(e) => onApply(e.target.value || null)} data-testid="import-preset">
          <option value="">{t('import.presets.none')}</option>
          {presets.value?.map((p) => (
            <option key={p.name} value={p.name}>{p.name}</option>
          ))}
        </select>
      </label>
      {analysis.preset ? (
        <button type="button" disabled={busy} onClick={() => void remove(analysis.preset ?? '')}>{t('import.presets.delete')}</button>
      ) : null}
      <form
        className="import-preset-save"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) void save();
        }}
      >
        <label>
          {t('import.presets.saveAs')}{' '}
          <input value={name} maxLength={80} placeholder={t('import.presets.namePlaceholder')} onChange={(e) => setName(e.target.value)} data-testid="import-preset-name" />
        </label>
        <button type="submit" disabled={busy || !name.trim()} data-testid="import-preset-save">{t('import.presets.save')}</button>
      </form>
      {notice ? <span role="status" className="muted">{notice}</span> : null}
    </div>
  );
}
