import type { TFunction } from 'i18next';
import { useMemo, type ChangeEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_CODES, type Category, type Delegation } from '../../../electron/contract';
import type { EditorForm, FieldErrors, FormField } from './editor_form';

/** Scripts a name in its own script is commonly written in (they pick font and direction). */
const NAME_SCRIPTS = ['ko', 'ja', 'zh-Hans', 'zh-Hant', 'ar', 'fa', 'he', 'ru', 'uk', 'mn', 'kk', 'el', 'th', 'hi', 'ka', 'hy', 'km', 'lo', 'my'];

export interface FieldProps {
  form: EditorForm;
  errors: FieldErrors;
  set: (field: FormField, value: string) => void;
}

/** A labelled field with its error below it, announced to screen readers. */
function Field({ id, label, error, children, wide }: { id: string; label: string; error: string | undefined; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? <span className="field-error" id={`${id}-error`} role="alert">{error}</span> : null}
    </div>
  );
}

/** A one-line text input bound to a form field. */
export function TextInput({ field, label, form, errors, set, type = 'text', autoFocus, wide, dir }: FieldProps & {
  field: FormField;
  label: string;
  type?: 'text' | 'email' | 'tel';
  autoFocus?: boolean;
  wide?: boolean;
  dir?: 'auto' | 'ltr';
}) {
  const id = `edit-${field}`;
  return (
    <Field id={id} label={label} error={errors[field]} wide={wide}>
      <input
        id={id}
        type={type}
        value={form[field]}
        onChange={(e: ChangeEvent<HTMLInputElement>) => set(field, e.target.value)}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={errors[field] ? `${id}-error` : undefined}
        autoComplete="off"
        spellCheck={false}
        dir={dir ?? 'auto'}
        autoFocus={autoFocus}
        data-testid={id}
      />
    </Field>
  );
}

/** A select bound to a form field. */
export function SelectInput({ field, label, form, errors, set, options, wide }: FieldProps & {
  field: FormField;
  label: string;
  options: Array<{ value: string; label: string }>;
  wide?: boolean;
}) {
  const id = `edit-${field}`;
  return (
    <Field id={id} label={label} error={errors[field]} wide={wide}>
      <select id={id} value={form[field]} onChange={(e) => set(field, e.target.value)} aria-invalid={errors[field] ? true : undefined} data-testid={id}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </Field>
  );
}

/** Staff notes: several lines (accessibility, dietary, protocol). */
export function NotesInput({ form, errors, set, label }: FieldProps & { label: string }) {
  return (
    <Field id="edit-notes" label={label} error={errors.notes} wide>
      <textarea id="edit-notes" rows={3} value={form.notes} onChange={(e) => set('notes', e.target.value)} dir="auto" data-testid="edit-notes" />
    </Field>
  );
}

/** Countries by name in the UI language, sorted as its readers sort them. */
export function useCountryOptions(noneLabel: string): Array<{ value: string; label: string }> {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const namer = new Intl.DisplayNames([i18n.language], { type: 'region' });
    const collator = new Intl.Collator(i18n.language);
    const named = COUNTRY_CODES.map((code) => ({ value: code, label: namer.of(code) ?? code })).sort((a, b) => collator.compare(a.label, b.label));
    return [{ value: '', label: noneLabel }, ...named];
  }, [i18n.language, noneLabel]);
}

/** Scripts for the own-script name, named in the UI language. */
export function useScriptOptions(noneLabel: string): Array<{ value: string; label: string }> {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const namer = new Intl.DisplayNames([i18n.language], { type: 'language' });
    return [{ value: '', label: noneLabel }, ...NAME_SCRIPTS.map((code) => ({ value: code, label: namer.of(code) ?? code }))];
  }, [i18n.language, noneLabel]);
}

/** Category and delegation choices. */
export function groupOptions(categories: readonly Category[], delegations: readonly Delegation[], t: TFunction, noneLabel: string) {
  return {
    categories: categories.map((c) => ({ value: c.code, label: t(`category.${c.code}`, { defaultValue: c.name }) })),
    delegations: [{ value: '', label: noneLabel }, ...delegations.map((d) => ({ value: String(d.id), label: d.name }))],
  };
}
