import { useTranslation } from 'react-i18next';
import { ImportFieldSchema, NameOrderSchema, type ImportAnalysis, type ImportMapping, type ImportTarget } from '../../../electron/contract';

const TARGETS: readonly ImportTarget[] = ['ignore', ...ImportFieldSchema.options];

/** One row per source column: its header, first values, and what it is imported as. */
export function MappingTable({ analysis, mapping, onMapping, busy }: {
  analysis: ImportAnalysis;
  mapping: ImportMapping;
  onMapping: (mapping: ImportMapping) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const targetOf = (index: number): ImportTarget => mapping.columns.find((c) => c.index === index)?.target ?? 'ignore';
  const setTarget = (index: number, target: ImportTarget) => {
    const others = mapping.columns.filter((c) => c.index !== index);
    onMapping({ ...mapping, columns: [...others, { index, target }].sort((a, b) => a.index - b.index) });
  };
  const has = (target: ImportTarget) => mapping.columns.some((c) => c.target === target);
  const reasonText = (reason: ImportAnalysis['columns'][number]['reason']) =>
    reason === 'sensitive' ? t('import.mapping.sensitive') : reason === 'values' ? t('import.mapping.suggestedByValues') : reason === 'preset' ? t('import.mapping.fromPreset') : '';

  return (
    <section className="import-section" aria-labelledby="import-mapping-title">
      <h2 id="import-mapping-title" className="section-title">{t('import.mapping.title')}</h2>
      <table className="data-table import-mapping" data-testid="import-mapping">
        <thead>
          <tr>
            <th scope="col">{t('import.mapping.column')}</th>
            <th scope="col">{t('import.mapping.samples')}</th>
            <th scope="col">{t('import.mapping.target')}</th>
          </tr>
        </thead>
        <tbody>
          {analysis.columns.map((column) => {
            const target = targetOf(column.index);
            const id = `import-target-${column.index}`;
            return (
              <tr key={column.index} className={target === 'ignore' ? 'ignored' : undefined}>
                <th scope="row">
                  <label htmlFor={id}>
                    <span className="column-letter">{column.letter}</span>{' '}
                    <bdi>{column.header || t('import.mapping.noHeader')}</bdi>
                  </label>
                </th>
                <td>
                  <div className="import-samples">
                    {column.samples.slice(0, 3).map((s, i) => (
                      <bdi key={i} className="sample" title={s}>{s}</bdi>
                    ))}
                  </div>
                </td>
                <td>
                  <select id={id} value={target} disabled={busy} onChange={(e) => setTarget(column.index, e.target.value as ImportTarget)} data-testid={`import-target-${column.index}`}>
                    {TARGETS.map((f) => (
                      <option key={f} value={f}>{t(`import.target.${f}`)}</option>
                    ))}
                  </select>
                  {reasonText(column.reason) ? <span className={`import-reason reason-${column.reason}`}>{reasonText(column.reason)}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="import-options">
        {has('country') && !has('delegation') ? (
          <label className="checkbox">
            <input type="checkbox" checked={mapping.delegationFromCountry} disabled={busy}
              onChange={(e) => onMapping({ ...mapping, delegationFromCountry: e.target.checked })} data-testid="import-delegation-from-country" />
            {t('import.mapping.delegationFromCountry')}
          </label>
        ) : null}
        {has('fullName') && !(has('familyName') && has('givenName')) ? (
          <label>
            {t('import.mapping.nameOrder')}{' '}
            <select value={mapping.nameOrder} disabled={busy} onChange={(e) => onMapping({ ...mapping, nameOrder: NameOrderSchema.parse(e.target.value) })}>
              {NameOrderSchema.options.map((o) => (
                <option key={o} value={o}>{t(`import.nameOrder.${o}`)}</option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <CategoryValues analysis={analysis} mapping={mapping} onMapping={onMapping} busy={busy} />
    </section>
  );
}

/** The category words of the file and the event category each becomes. */
function CategoryValues({ analysis, mapping, onMapping, busy }: {
  analysis: ImportAnalysis;
  mapping: ImportMapping;
  onMapping: (mapping: ImportMapping) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  if (analysis.categoryValues.length === 0) return null;
  return (
    <table className="data-table import-categories" data-testid="import-categories">
      <caption>{t('import.mapping.categoryValues')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('import.mapping.categoryValue')}</th>
          <th scope="col" className="num">{t('import.mapping.categoryCount')}</th>
          <th scope="col">{t('import.mapping.categoryTarget')}</th>
        </tr>
      </thead>
      <tbody>
        {analysis.categoryValues.map((v) => (
          <tr key={v.value}>
            <th scope="row"><bdi>{v.value}</bdi></th>
            <td className="num">{v.count}</td>
            <td>
              <select
                aria-label={`${t('import.mapping.categoryTarget')}: ${v.value}`}
                value={mapping.categoryValues[v.value] ?? v.code ?? ''}
                disabled={busy}
                onChange={(e) => onMapping({ ...mapping, categoryValues: { ...mapping.categoryValues, [v.value]: e.target.value } })}
              >
                {v.code === null && !mapping.categoryValues[v.value] ? <option value="">—</option> : null}
                {analysis.categories.map((c) => (
                  <option key={c.code} value={c.code}>{t(`category.${c.code}`, { defaultValue: c.name })}</option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
