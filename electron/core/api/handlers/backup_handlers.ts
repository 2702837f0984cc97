import path from 'node:path';
import { err, ok, type BackupInfo, type Result } from '../../../contract';
import { BackupService, backupToFile, inspectDatabaseFile, inspectExternalBackup, listBackups, restoreDatabaseInto, takeBackup } from '../../backup';
import { eraseParticipantEverywhere } from '../../erase/erase_participant';
import type { EventWorkspace } from '../../workspace/event_workspace';
import type { Caller } from '../caller';
import type { HostSession } from '../host_session';
import type { FeatureHandlers, HandlerContext } from './handler_kit';

type BackupMethod =
  | 'backup.status'
  | 'backup.now'
  | 'backup.toPath'
  | 'backup.preview'
  | 'backup.restore'
  | 'backup.previewFile'
  | 'backup.restoreFile'
  | 'privacy.eraseParticipant';

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

/**
 * Paths on the host are read or written only for the host's own admin (its window, or a browser
 * on the machine itself). The dispatcher already allows only `admin`, which is never given to a
 * paired device; this second check keeps it so even if a device ever carried that role.
 */
function onHostMachine(caller: Caller): boolean {
  return caller.role === 'admin' && caller.deviceId === undefined;
}
const HOST_ONLY = 'Only the admin on the computer running Delegate Desk may read or write files on it.';

function eventName(ws: EventWorkspace): string {
  return (ws.db.prepare('SELECT name FROM event WHERE singleton = 1').get() as { name: string } | undefined)?.name ?? '';
}

/** Backups of the open event (status, now, to a path, preview, restore) and erasure on request; admin only. */
export function backupHandlers({ session }: HandlerContext): FeatureHandlers<BackupMethod> {
  const service = () => backupServiceFor(session);
  const find = (name: string): BackupInfo | undefined => {
    const ws = session.current;
    return ws ? listBackups(ws.layout.backups).find((b) => b.name === name) : undefined;
  };
  /**
   * Puts a checked backup file in place of the open database and reopens the event; returns
   * the name under which the state before it is kept. The current state is kept twice: as a
   * listed backup (restorable from the screen) when it still reads, and as the raw files the
   * restore moves aside into backups/replaced-<time>/.
   */
  const replaceDatabase = async (ws: EventWorkspace, file: string): Promise<Result<string, 'wrong_event' | 'restore_failed'>> => {
    // Kept as a listed backup when ballot secrecy allows (else only as the raw files below).
    const before = service().clearForBackup(ws).ok ? await takeBackup(ws.db, ws.layout.backups, 'before_restore') : null;
    if (before?.ok) service().noteBackedUp(ws, path.join(ws.layout.backups, before.value.name)); // no second copy of the same state at close
    const dir = ws.layout.dir;
    const manifest = ws.manifest;
    session.close();
    const restored = restoreDatabaseInto(dir, file, manifest);
    const reopened = session.start(dir);
    if (!restored.ok) return err(restored.error.code === 'wrong_event' ? 'wrong_event' : 'restore_failed', restored.error.message);
    if (!reopened.ok) return err('restore_failed', `The backup was put in place but the event did not open (${reopened.error.message}). The replaced database is in ${path.basename(restored.value.keptAside ?? '')}.`);
    return ok(before?.ok ? before.value.name : path.basename(restored.value.keptAside ?? ''));
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
      // A copy on a stick is a backup like any other: a few ballots from the last one, it would tell whose they are.
      const clear = service().clearForBackup(ws);
      if (!clear.ok) return clear;
      const written = await backupToFile(ws.db, target);
      if (written.ok) service().noteBackedUp(ws, written.value.path);
      return written;
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
      const replaced = await replaceDatabase(ws, file);
      return replaced.ok ? ok({ restored: info, keptAs: replaced.value }) : replaced;
    },
    'backup.previewFile': ({ path: file }, caller) => {
      if (!onHostMachine(caller)) return err('forbidden', HOST_ONLY);
      const ws = session.current;
      if (!ws) return err('no_event', NO_EVENT);
      const inspected = inspectExternalBackup(file, { openDatabase: ws.layout.database });
      if (!inspected.ok) return inspected;
      return ok({ ...inspected.value, sameEvent: inspected.value.preview.eventId === ws.manifest.eventId, openEventName: eventName(ws) });
    },
    'backup.restoreFile': async ({ path: file }, caller) => {
      if (!onHostMachine(caller)) return err('forbidden', HOST_ONLY);
      const ws = session.current;
      if (!ws) return err('no_event', NO_EVENT);
      // The full integrity check now, not the preview's quick one: this file is about to become the event.
      const checked = inspectExternalBackup(file, { full: true, openDatabase: ws.layout.database });
      if (!checked.ok) return checked;
      const held = checked.value.preview;
      if (held.eventId !== ws.manifest.eventId) {
        return err(
          'wrong_event',
          `This file is a backup of another event ("${held.eventName}"), not of the open one ("${eventName(ws)}"); nothing was restored. ` +
            `To work with it, open that event's own folder, or make a new event folder from it: delegate-desk restore "${checked.value.path}" --data-dir NEW-FOLDER.`,
        );
      }
      const replaced = await replaceDatabase(ws, checked.value.path);
      return replaced.ok ? ok({ restored: checked.value, keptAs: replaced.value }) : replaced;
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
