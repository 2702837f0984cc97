import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { PersonPhoto } from '../../ui/person_photo';
import { shrinkPhoto } from './photo_shrink';

/** The person's photo in the editor, with change and remove (the host's own screen only). */
export function PhotoField({ person, canEdit, onChanged, onProblem }: {
  person: Participant;
  canEdit: boolean;
  onChanged: () => void;
  onProblem: (message: string) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const change = async (file: File) => {
    setBusy(true);
    const base64 = await shrinkPhoto(file);
    const result = base64 === null ? null : await api.call('photos.set', { participantId: person.id, base64 });
    setBusy(false);
    if (result?.ok) onChanged();
    else onProblem(result ? result.error.message : t('photos.unreadable'));
  };
  const remove = async () => {
    setBusy(true);
    const result = await api.call('photos.remove', { participantId: person.id });
    setBusy(false);
    if (result.ok) onChanged();
    else onProblem(result.error.message);
  };
  return (
    <div className="photo-field" data-testid="photo-field">
      <PersonPhoto participantId={person.id} photoFile={person.photoFile} name={person.displayName} size={88} />
      {canEdit ? (
        <div className="photo-field-actions">
          <button type="button" disabled={busy} onClick={() => input.current?.click()} data-testid="photo-change">
            {person.photoFile ? t('photos.change') : t('photos.add')}
          </button>
          {person.photoFile ? (
            <button type="button" disabled={busy} onClick={() => void remove()} data-testid="photo-remove">{t('photos.remove')}</button>
          ) : null}
          <input
            ref={input}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            hidden
            data-testid="photo-change-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void change(file);
            }}
          />
        </div>
      ) : null}
    </div>
  );
}
