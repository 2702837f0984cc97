import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category, Delegation, Participant, ParticipantChange } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { groupOptions, NotesInput, SelectInput, TextInput, useCountryOptions, useScriptOptions } from './editor_fields';
import { MergeDuplicate } from './merge_duplicate';
import { PhotoField } from './photo_field';
import { blankForm, formOf, validateForm, type EditorForm, type FieldErrors, type FormField } from './editor_form';

/** What the panel edits: a person on the list, or a walk-in being added. */
export type EditorTarget = { kind: 'edit'; participant: Participant } | { kind: 'create' };

/**
 * The side panel where a person is edited, or a walk-in is added at the desk. The form is
 * checked with the contract's schema as the user saves (the host checks it again); a save
 * based on details someone else changed meanwhile is refused and offers to reload them.
 * Esc closes, Enter in a field saves.
 */
export function ParticipantEditor({ target, categories, delegations, canMerge, onClose, onSaved }: {
  target: EditorTarget;
  /** Whether this screen may merge records (the host's own screen). */
  canMerge: boolean;
  categories: readonly Category[];
  delegations: readonly Delegation[];
  onClose: () => void;
  onSaved: (participant: Participant, change: ParticipantChange | null) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const creating = target.kind === 'create';
  const defaultCategory = categories.find((c) => c.code === 'speaker')?.code ?? categories[0]?.code ?? '';
  const [base, setBase] = useState<Participant | null>(target.kind === 'edit' ? target.participant : null);
  const [form, setForm] = useState<EditorForm>(() => (target.kind === 'edit' ? formOf(target.participant) : blankForm(defaultCategory)));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<{ message: string; conflict: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const countries = useCountryOptions(t('people.none'));
  const scripts = useScriptOptions(t('people.none'));
  const groups = groupOptions(categories, delegations, t, t('people.noDelegation'));
  const set = (field: FormField, value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };
  // A walk-in opened before the categories arrived gets the default category once they do.
  const effective = form.categoryCode || !defaultCategory ? form : { ...form, categoryCode: defaultCategory };
  const props = { form: effective, errors, set };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const checked = validateForm(effective, t);
    if ('errors' in checked) {
      setErrors(checked.errors);
      setProblem({ message: t('people.fixErrors'), conflict: false });
      return;
    }
    setBusy(true);
    const result = base
      ? await api.call('participants.update', { id: base.id, expectedUpdatedAt: base.updatedAt, fields: checked.fields })
      : await api.call('participants.create', { fields: checked.fields });
    setBusy(false);
    if (result.ok) {
      onSaved(result.value.participant, result.value.change);
      return;
    }
    if (result.error.code === 'duplicate_external_id') setErrors({ externalId: result.error.message });
    setProblem({ message: result.error.message, conflict: result.error.code === 'conflict' });
  };

  const setStatus = async (status: 'registered' | 'cancelled') => {
    if (!base) return;
    setBusy(true);
    const result = await api.call('participants.setStatus', { id: base.id, expectedUpdatedAt: base.updatedAt, status });
    setBusy(false);
    if (result.ok) onSaved(result.value.participant, result.value.change);
    else setProblem({ message: result.error.message, conflict: result.error.code === 'conflict' });
  };

  /** After a conflict: the person as they are now, to edit again. */
  const reloadPerson = async () => {
    if (!base) return;
    const fresh = await api.call('participants.get', { id: base.id });
    if (!fresh.ok) {
      setProblem({ message: fresh.error.message, conflict: false });
      return;
    }
    setBase(fresh.value);
    setForm(formOf(fresh.value));
    setErrors({});
    setProblem(null);
  };

  /** After a photo change: the record's new photo and version, keeping what is being typed. */
  const refreshPhoto = async () => {
    if (!base) return;
    const fresh = await api.call('participants.get', { id: base.id });
    if (fresh.ok) setBase(fresh.value);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  };

  const derivedName = [form.givenName, form.familyName].filter(Boolean).join(' ') || form.nativeName;
  return (
    <aside className="side-panel" aria-labelledby="editor-title" onKeyDown={onKeyDown} data-testid="participant-editor">
      <header className="side-panel-head">
        <h2 id="editor-title">
          {creating ? t('people.addWalkIn') : <bdi className="cell-text" title={base?.displayName}>{base?.displayName}</bdi>}
        </h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('people.close')} title={t('people.closeHint')}>×</button>
      </header>
      {base?.status === 'cancelled' ? <p className="notice notice-warn">{t('people.isCancelled')}</p> : null}
      {problem ? (
        <div className="notice notice-error" role="alert" data-testid="editor-problem">
          <span>{problem.message}</span>
          {problem.conflict ? <button type="button" onClick={() => void reloadPerson()}>{t('people.reloadPerson')}</button> : null}
        </div>
      ) : null}
      {base ? (
        <PhotoField
          person={base}
          canEdit={canMerge}
          onChanged={() => void refreshPhoto()}
          onProblem={(message) => setProblem({ message, conflict: false })}
        />
      ) : null}
      <form className="editor-form" onSubmit={(e) => void save(e)} noValidate>
        <TextInput field="givenName" label={t('people.field.givenName')} autoFocus {...props} />
        <TextInput field="familyName" label={t('people.field.familyName')} {...props} />
        <TextInput field="nativeName" label={t('people.field.nativeName')} {...props} />
        <SelectInput field="nativeNameLang" label={t('people.field.nativeNameLang')} options={scripts} {...props} />
        <TextInput field="organisation" label={t('people.field.organisation')} wide {...props} />
        <SelectInput field="country" label={t('people.field.country')} options={countries} {...props} />
        <SelectInput field="categoryCode" label={t('people.field.category')} options={groups.categories} {...props} />
        <SelectInput field="delegationId" label={t('people.field.delegation')} options={groups.delegations} wide {...props} />
        <TextInput field="email" label={t('people.field.email')} type="email" dir="ltr" {...props} />
        <TextInput field="phone" label={t('people.field.phone')} type="tel" dir="ltr" {...props} />
        <details className="field-wide more-fields" open={!creating}>
          <summary>{t('people.moreFields')}</summary>
          <div className="editor-grid">
            <TextInput field="title" label={t('people.field.title')} {...props} />
            <TextInput field="position" label={t('people.field.position')} {...props} />
            <TextInput field="displayName" label={t('people.field.displayName')} wide {...props} />
            {!form.displayName && derivedName ? <p className="field-hint field-wide">{t('people.displayNameHint', { name: derivedName })}</p> : null}
            <TextInput field="externalId" label={t('people.field.externalId')} dir="ltr" {...props} />
            <TextInput field="protocolOrder" label={t('people.field.protocolOrder')} dir="ltr" {...props} />
            <TextInput field="languages" label={t('people.field.languages')} dir="ltr" wide {...props} />
            <NotesInput label={t('people.field.notes')} {...props} />
          </div>
        </details>
        {base && canMerge ? (
          <MergeDuplicate keep={base} onMerged={onSaved} onProblem={(message) => setProblem({ message, conflict: false })} />
        ) : null}
        <footer className="side-panel-foot field-wide">
          <button type="submit" className="primary" disabled={busy} data-testid="editor-save">
            {creating ? t('people.addSave') : t('people.save')}
          </button>
          <button type="button" onClick={onClose}>{t('people.discard')}</button>
          {base ? (
            base.status === 'registered' ? (
              <button type="button" className="danger" disabled={busy} onClick={() => void setStatus('cancelled')} data-testid="editor-cancel-registration">
                {t('people.cancelRegistration')}
              </button>
            ) : (
              <button type="button" disabled={busy} onClick={() => void setStatus('registered')} data-testid="editor-restore">
                {t('people.restoreRegistration')}
              </button>
            )
          ) : null}
        </footer>
      </form>
    </aside>
  );
}
