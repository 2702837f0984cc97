import path from 'node:path';
import { err, ok, type BackupInfo } from '../../../contract';
import { BackupService, backupToFile, inspectDatabaseFile, listBackups, restoreDatabaseInto, takeBackup } from '../../backup';
import { eraseParticipantEverywhere } from '../../erase/erase_participant';
import type { HostSession } from '../host_session';
import type { FeatureHandlers, HandlerContext } from './handler_kit';

type BackupMethod = 'backup.status' | 'backup.now' | 'backup.toPath' | 'backup.preview' | 'backup.restore' | 'privacy.eraseParticipant';

const services = new WeakMap<HostSession, BackupService>();

/**
 * The one backup service of a host session: the handlers, the timer and the close hook must
 * share it (it remembers what was backed up). Made on first use, hooked to the session's
 * open/close so every event gets its check at open and its backup at close.
 */
export function backupServiceFor(session: HostSession, options: { intervalMs?: number; log?: (line: string) => void } = {}): BackupService {
  let service = services.get(session);
  if (!service) {
    const made = new BackupService({ current: () => session.current, ...options });
    session.onLifecycle({ opened: (ws) => made.opened(ws), closing: (ws) => made.beforeClose(ws) });
    if (session.current) made.opened(session.current);
    services.set(session, made);
    service = made;
  }
  return service;
}

const NO_EVENT = 'No event is open. Open or create an event first.';

/** Backups of the open event (status, now, to a path, preview, restore) and erasure on request; admin only. */
export function backupHandlers({ session }: HandlerContext): FeatureHandlers<BackupMethod> {
  const service = () => backupServiceFor(session);
  const find = (name: string): BackupInfo | undefined => {
    const ws = session.current;
    return ws ? listBackups(ws.layout.backups).find((b) => b.name === name) : undefined;
  };
  return {
    'backup.status': () => {
      const ws = session.current;
      return ws ? ok(service().status(ws)) : err('no_event', NO_EVENT);
    },
    'backup.now': async () => {
      const ws = session.current;
      return ws ? service().backupNow(ws) : err('no_event', NO_EVENT);
    },
    'backup.toPath': async ({ path: target }) => {
      const ws = session.current;
      if (!ws) return err('no_event', NO_EVENT);
      return backupToFile(ws.db, target);
    },
    'backup.preview': ({ name }) => {
      const ws = session.current;
      if (!ws) return err('no_event', NO_EVENT);
      const info = find(name);
      if (!info) return err('not_found', 'That backup is no longer in the backups folder. Refresh the list.');
      const inspected = inspectDatabaseFile(path.join(ws.layout.backups, name));
      if (!inspected.ok) return err(inspected.error.code === 'not_found' ? 'not_found' : 'damaged', inspected.error.message);
      return ok({ ...info, preview: inspected.value });
    },
    'backup.restore': async ({ name }) => {
      const ws = session.current;
      if (!ws) return err('no_event', NO_EVENT);
      const info = find(name);
      if (!info) return err('not_found', 'That backup is no longer in the backups folder. Refresh the list.');
      const file = path.join(ws.layout.backups, name);
      const checked = inspectDatabaseFile(file, { full: true });
      if (!checked.ok) return err(checked.error.code === 'not_found' ? 'not_found' : 'damaged', `${checked.error.message} Choose another backup.`);
      if (checked.value.eventId !== ws.manifest.eventId) return err('wrong_event', `This backup is of another event ("${checked.value.eventName}"); it was not restored.`);
      // The current state is kept twice: as a listed backup (restorable from this screen) when it
      // still reads, and as the raw files moved aside by the restore itself.
      const before = await takeBackup(ws.db, ws.layout.backups, 'before_restore');
      if (before.ok) service().noteBackedUp(ws); // no second copy of the same state at close
      const dir = ws.layout.dir;
      const manifest = ws.manifest;
      session.close();
      const restored = restoreDatabaseInto(dir, file, manifest);
      const reopened = session.start(dir);
      if (!restored.ok) return err(restored.error.code === 'wrong_event' ? 'wrong_event' : 'restore_failed', restored.error.message);
      if (!reopened.ok) return err('restore_failed', `The backup was put in place but the event did not open (${reopened.error.message}). The replaced database is in ${path.basename(restored.value.keptAside ?? '')}.`);
      return ok({ restored: info, keptAs: before.ok ? before.value.name : path.basename(restored.value.keptAside ?? '') });
    },
    'privacy.eraseParticipant': ({ participantId, confirmName }) => {
      const ws = session.current;
      if (!ws) return err('no_event', NO_EVENT);
      const row = ws.db.prepare('SELECT display_name AS name FROM participant WHERE id = ?').get(participantId) as { name: string } | undefined;
      if (!row) return err('not_found', `There is no participant with id ${participantId}.`);
      if (row.name.trim().normalize('NFC') !== confirmName.trim().normalize('NFC')) {
        return err('confirm_mismatch', 'The name typed does not match the person to erase. Type their name exactly as it is listed; nothing was erased.');
      }
      const erased = eraseParticipantEverywhere(ws.db, ws.layout, participantId);
      if (!erased.ok) return erased;
      session.bus.publish('data.changed', { scope: 'participants' });
      return ok({ tables: erased.value.tables, backupsScrubbed: erased.value.backupsScrubbed, photoRemoved: erased.value.photoRemoved });
    },
  };
}
