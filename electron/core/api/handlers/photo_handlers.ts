import { err, ok } from '../../../contract';
import { importPhotoFile, readPhoto, removePhoto, storePhoto } from '../../photos/photo_files';
import type { FeatureHandlers, HandlerContext } from './handler_kit';

type PhotoMethod = 'photos.importFile' | 'photos.set' | 'photos.remove' | 'photos.get';

/** Participants' photos, kept as files in the event folder's photos/. */
export function photoHandlers({ session }: HandlerContext): FeatureHandlers<PhotoMethod> {
  const now = () => new Date().toISOString();
  const noEvent = () => err('no_event', 'No event is open. Open or create an event first.');
  const changed = () => session.bus.publish('data.changed', { scope: 'participants' });
  return {
    'photos.importFile': ({ fileName, base64 }) => {
      const ws = session.current;
      if (!ws) return noEvent();
      const outcome = importPhotoFile(ws.db, ws.layout.photos, fileName, Buffer.from(base64, 'base64'), now());
      if (outcome.result === 'stored') changed();
      return ok(outcome);
    },
    'photos.set': ({ participantId, base64 }) => {
      const ws = session.current;
      if (!ws) return noEvent();
      const stored = storePhoto(ws.db, ws.layout.photos, participantId, Buffer.from(base64, 'base64'), now());
      if (!stored.ok) return stored;
      changed();
      return ok({ participantId });
    },
    'photos.remove': ({ participantId }) => {
      const ws = session.current;
      if (!ws) return noEvent();
      const removed = removePhoto(ws.db, ws.layout.photos, participantId, now());
      if (removed.ok && removed.value.removed) changed();
      return removed;
    },
    'photos.get': ({ participantId }) => {
      const ws = session.current;
      if (!ws) return noEvent();
      const photo = readPhoto(ws.db, ws.layout.photos, participantId);
      return photo.ok ? ok({ mimeType: photo.value.mimeType, base64: photo.value.bytes.toString('base64') }) : photo;
    },
  };
}
