import { useTranslation } from 'react-i18next';
import type { ImportAnalysis, ImportMapping, ImportTarget } from '../../../electron/contract';
import { useProblemText } from './problem_text';

type PreviewColumn = 'name' | 'organisation' | 'country' | 'delegation' | 'category' | 'email';
const PREVIEW_COLUMNS: readonly PreviewColumn[] = ['name', 'organisation', 'country', 'delegation', 'category', 'email'];

// Which preview cell shows a field, so a problem in a source column lights up the right cell.
const CELL_OF: Partial<Record<ImportTarget, PreviewColumn>> = {
  fullName: 'name', familyName: 'name', givenName: 'name', displayName: 'name', nativeName: 'name',
  organisation: 'organisation', country: 'country', delegation: 'delegation', category: 'category', email: 'email',
};

/** The counts of what the import will do. */
export function PlanSummary({ analysis }: { analysis: ImportAnalysis }) {
  const { t, i18n } = useTranslation();
  const n = new Intl.NumberFormat(i18n.language);
  const items: Array<[string, number, string]> = [
    ['rows', analysis.plan.rows, ''],
    ['add', analysis.plan.add, 'good'],
    ['update', analysis.plan.update, ''],
    ['unchanged', analysis.plan.unchanged, ''],
    ['skip', analysis.plan.skip, analysis.plan.skip ? 'bad' : ''],
    ['errors', analysis.plan.rowsWithErrors, analysis.plan.rowsWithErrors ? 'bad' : ''],
    ['warnings', analysis.plan.rowsWithWarnings, analysis.plan.rowsWithWarnings ? 'warn' : ''],
    ['missing', analysis.plan.missing, analysis.plan.missing ? 'warn' : ''],
  ];
  return (
    <dl className="import-plan" data-testid="import-plan" aria-label={t('import.plan.title')}>
      {items.map(([key, value, tone]) => (
        <div key={key} className={`import-plan-item ${tone}`} data-testid={`import-plan-${key}`}>
          <dt>{t(`import.plan.${key}`)}</dt>
          <dd>{n.format(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The first rows as they will be stored, each row's problems under it, bad cells marked. */
export function PreviewTable({ analysis, mapping }: { analysis: ImportAnalysis; mapping: ImportMapping }) {
  const { t, i18n } = useTranslation();
  const countryName = (code: string) => {
    try {
      return new Intl.DisplayNames([i18n.language], { type: 'region' }).of(code) ?? code;
    } catch {
      return code;
    }
  };
  const text = useProblemText();
  const headerTarget = new Map(analysis.columns.map((c) => [c.header || c.letter, mapping.columns.find((m) => m.index === c.index)?.target ?? 'ignore']));
  if (analysis.preview.length === 0) return <p className="muted">{t('import.preview.none')}</p>;
  return (
    <section className="import-section" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title" className="section-title">{t('import.preview.title')}</h2>
      <div className="import-preview-scroll">
        <table className="data-table import-preview" data-testid="import-preview">
          <thead>
            <tr>
              <th scope="col" className="num">{t('import.preview.row')}</th>
              <th scope="col">{t('import.preview.outcome')}</th>
              {PREVIEW_COLUMNS.map((c) => (
                <th key={c} scope="col">{t(`import.preview.${c}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {analysis.preview.flatMap((row) => {
              const bad = new Set<PreviewColumn>();
              for (const p of row.problems) {
                const cell = CELL_OF[headerTarget.get(p.column ?? '') ?? 'ignore'];
                if (cell) bad.add(cell);
              }
              const v = row.values;
              const cells: Record<PreviewColumn, string> = {
                name: v['displayName'] ?? '',
                organisation: v['organisation'] ?? '',
                country: v['country'] ? countryName(v['country']) : '',
                delegation: v['delegation'] ?? '',
                category: v['category'] ? t(`category.${v['category']}`, { defaultValue: v['category'] }) : '',
                email: v['email'] ?? '',
              };
              const severity = row.problems.some((p) => p.severity !== 'warning') ? 'has-error' : row.problems.length ? 'has-warning' : '';
              const lines = [
                <tr key={row.row} className={severity} data-testid={`import-preview-row-${row.row}`}>
                  <td className="num">{row.row}</td>
                  <td><span className={`outcome outcome-${row.outcome}`}>{t(`import.outcome.${row.outcome}`)}</span></td>
                  {PREVIEW_COLUMNS.map((c) => (
                    <td key={c} className={bad.has(c) ? 'cell-problem' : undefined}>
                      <bdi>{cells[c]}</bdi>
                      {c === 'name' && v['nativeName'] && v['nativeName'] !== v['displayName'] ? <bdi className="sub">{v['nativeName']}</bdi> : null}
                    </td>
                  ))}
                </tr>,
              ];
              if (row.problems.length) {
                lines.push(
                  <tr key={`${row.row}-problems`} className={`problem-row ${severity}`}>
                    <td />
                    <td colSpan={PREVIEW_COLUMNS.length + 1}>
                      <ul className="row-problems">
                        {row.problems.map((p, i) => (
                          <li key={i} className={`problem-${p.severity}`}>
                            {p.column ? <strong><bdi>{p.column}</bdi>: </strong> : null}
                            <bdi>{text(p, analysis.fileName).what}</bdi>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>,
                );
              }
              return lines;
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
