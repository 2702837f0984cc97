import { useTranslation } from 'react-i18next';
import type { DefinitionProblem, LocalizedText } from '../../../electron/contract';
import { languageName } from '../../ui/names';

/** The problems the core found at this path or inside it ('contests.0.title' covers 'contests.0.title.ko'). */
export function problemsAt(problems: readonly DefinitionProblem[], path: string): DefinitionProblem[] {
  return problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`));
}

/** The core's problems for one field, shown right under it. */
export function FieldProblems({ problems }: { problems: readonly DefinitionProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="field-problems" data-testid="field-problems">
      {problems.map((p) => (
        <li key={`${p.path}:${p.message}`} className={p.severity}>{p.message}</li>
      ))}
    </ul>
  );
}

/**
 * One text of the definition in every language it is written in: a row of inputs, each
 * marked with its language and direction, with the core's problems for it underneath.
 */
export function LocalizedField({ label, value, languages, path, problems, onChange, testId }: {
  label: string;
  value: LocalizedText;
  languages: readonly string[];
  path: string;
  problems: readonly DefinitionProblem[];
  onChange: (value: LocalizedText) => void;
  testId?: string;
}) {
  const { i18n } = useTranslation();
  const mine = problemsAt(problems, path);
  return (
    <fieldset className={mine.some((p) => p.severity === 'error') ? 'localized has-error' : 'localized'} data-testid={testId}>
      <legend>{label}</legend>
      <div className="localized-inputs">
        {languages.map((lang) => {
          const bad = mine.some((p) => p.path === `${path}.${lang}`);
          return (
            <label key={lang} className={bad ? 'bad' : undefined}>
              <span className="lang-tag">{languageName(lang, i18n.language)}</span>
              <input
                lang={lang}
                dir="auto"
                value={value[lang] ?? ''}
                aria-invalid={bad || undefined}
                onChange={(e) => {
                  const next: Record<string, string> = { ...value, [lang]: e.target.value };
                  if (!e.target.value && lang !== 'en') delete next[lang];
                  onChange(next as LocalizedText);
                }}
              />
            </label>
          );
        })}
      </div>
      <FieldProblems problems={mine} />
    </fieldset>
  );
}
