import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '../../../electron/contract';

/** Where a problem is, in the UI's language: the file, the row and the column. */
export function useProblemText(): (p: ImportProblem, fileName: string) => { where: string; what: string } {
  const { t } = useTranslation();
  return (p, file) => {
    const where =
      p.row && p.column
        ? t('import.problems.where.rowColumn', { file, row: p.row, column: p.column })
        : p.row
          ? t('import.problems.where.row', { file, row: p.row })
          : p.column
            ? t('import.problems.where.column', { file, column: p.column })
            : t('import.problems.where.file', { file });
    const what = t(`import.problems.code.${p.code}`, { value: p.value ?? '', otherRow: p.otherRow ?? '' });
    return { where, what };
  };
}

/** Problems as a list, each with its severity, place and what to do. */
export function ProblemList({ problems, total, fileName, testId }: { problems: readonly ImportProblem[]; total: number; fileName: string; testId?: string }) {
  const { t } = useTranslation();
  const text = useProblemText();
  if (problems.length === 0) return null;
  return (
    <div className="import-problems" data-testid={testId}>
      <ul>
        {problems.map((p, i) => {
          const { where, what } = text(p, fileName);
          return (
            <li key={`${p.row ?? 0}-${p.column ?? ''}-${p.code}-${i}`} className={`problem problem-${p.severity}`}>
              <span className="problem-severity">{t(`import.problems.severity.${p.severity}`)}</span>
              <span className="problem-where"><bdi>{where}</bdi></span>
              <span className="problem-what"><bdi>{what}</bdi></span>
            </li>
          );
        })}
      </ul>
      {total > problems.length ? <p className="muted">{t('import.problems.more', { shown: problems.length, total })}</p> : null}
    </div>
  );
}
