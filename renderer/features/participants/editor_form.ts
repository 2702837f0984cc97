import type { TFunction } from 'i18next';
import { ParticipantFieldsSchema, type Participant, type ParticipantFields } from '../../../electron/contract';

/** The edit panel's fields as the inputs hold them (text), before validation. */
export interface EditorForm {
  externalId: string;
  title: string;
  familyName: string;
  givenName: string;
  nativeName: string;
  nativeNameLang: string;
  displayName: string;
  organisation: string;
  position: string;
  country: string;
  delegationId: string;
  categoryCode: string;
  languages: string;
  email: string;
  phone: string;
  notes: string;
  protocolOrder: string;
}
export type FormField = keyof EditorForm;
export type FieldErrors = Partial<Record<FormField, string>>;

/** A blank form for a walk-in, in the given category. */
export function blankForm(categoryCode: string): EditorForm {
  return {
    externalId: '', title: '', familyName: '', givenName: '', nativeName: '', nativeNameLang: '', displayName: '',
    organisation: '', position: '', country: '', delegationId: '', categoryCode, languages: '', email: '', phone: '',
    notes: '', protocolOrder: '0',
  };
}

/** The form for an existing person. */
export function formOf(p: Participant): EditorForm {
  return {
    externalId: p.externalId ?? '',
    title: p.title,
    familyName: p.familyName,
    givenName: p.givenName,
    nativeName: p.nativeName,
    nativeNameLang: p.nativeNameLang ?? '',
    displayName: p.displayName,
    organisation: p.organisation,
    position: p.position,
    country: p.country ?? '',
    delegationId: p.delegationId === null ? '' : String(p.delegationId),
    categoryCode: p.categoryCode,
    languages: p.languages.join(', '),
    email: p.email,
    phone: p.phone,
    notes: p.notes,
    protocolOrder: String(p.protocolOrder),
  };
}

/** One field's problem in the UI language (zod's own messages are English and technical). */
function problemText(t: TFunction, field: FormField, code: string, reason: unknown): string {
  if (code === 'too_big') return t('people.error.tooLong');
  if (reason === 'name_required') return t('people.error.nameRequired');
  switch (field) {
    case 'email':
      return t('people.error.email');
    case 'country':
      return t('people.error.country');
    case 'languages':
      return t('people.error.languages');
    case 'protocolOrder':
      return t('people.error.number');
    case 'nativeNameLang':
      return t('people.error.script');
    case 'categoryCode':
      return t('people.error.category');
    default:
      return t('people.error.singleLine');
  }
}

/**
 * Checks the form with the contract's own schema (the host checks the same again) and returns
 * either the fields to send or a message per field.
 */
export function validateForm(form: EditorForm, t: TFunction): { fields: ParticipantFields } | { errors: FieldErrors } {
  const input = {
    externalId: form.externalId.trim() || null,
    title: form.title,
    familyName: form.familyName,
    givenName: form.givenName,
    nativeName: form.nativeName,
    nativeNameLang: form.nativeNameLang || null,
    displayName: form.displayName,
    organisation: form.organisation,
    position: form.position,
    country: form.country || null,
    delegationId: form.delegationId ? Number(form.delegationId) : null,
    categoryCode: form.categoryCode,
    languages: form.languages.split(/[\s,;]+/u).map((l) => l.trim().toLowerCase()).filter(Boolean),
    email: form.email.trim(),
    phone: form.phone,
    notes: form.notes,
    protocolOrder: /^\d+$/u.test(form.protocolOrder.trim()) ? Number(form.protocolOrder.trim()) : Number.NaN,
  };
  const parsed = ParticipantFieldsSchema.safeParse(input);
  if (parsed.success) return { fields: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as FormField | undefined;
    if (!field || errors[field]) continue;
    const reason = issue.code === 'custom' ? (issue.params as { reason?: unknown } | undefined)?.reason : undefined;
    errors[field] = problemText(t, field, issue.code, reason);
  }
  return { errors };
}
