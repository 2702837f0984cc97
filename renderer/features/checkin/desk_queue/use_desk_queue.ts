import i18next from 'i18next';
import { useCallback, useSyncExternalStore } from 'react';
import type { MethodInput, MethodResult } from '../../../../electron/contract';
import type { ApiClient } from '../../../api/client';
import { useApi } from '../../../api/api_context';
import { createMemoryStorage, type DeskStorage } from './desk_storage';
import { createDeskQueue, type ApiCall, type DeskQueue, type DeskQueueState } from './desk_queue';
import { openIdbStorage } from './idb_storage';

// The copy of the event is refreshed on every change the host pushes, but at most this often:
// a busy morning pushes a check-in every second, and each copy carries everyone.
const COPY_REFRESH_MIN_MS = 10_000;

const queues = new WeakMap<ApiClient, DeskQueue>();

/** IndexedDB when the browser allows it; otherwise the page's memory (the banner says so). */
async function openStorage(): Promise<DeskStorage> {
  try {
    return await openIdbStorage();
  } catch {
    return createMemoryStorage();
  }
}

/**
 * The desk queue of this window, made on first use. Only a browser on the HTTP transport can
 * lose the host; the desktop window is the host itself and has none (null).
 */
export function deskQueueFor(api: ApiClient): DeskQueue | null {
  if (api.transport.kind !== 'http') return null;
  const existing = queues.get(api);
  if (existing) return existing;
  const queue = createDeskQueue({
    call: api.call.bind(api) as ApiCall,
    storage: openStorage(),
    thisDeskName: i18next.t('deskQueue.thisDesk'),
  });
  queues.set(api, queue);
  let lastCopy = 0;
  let trailing: ReturnType<typeof setTimeout> | null = null;
  const refreshSoon = () => {
    const wait = lastCopy + COPY_REFRESH_MIN_MS - Date.now();
    if (trailing) return;
    trailing = setTimeout(() => {
      trailing = null;
      lastCopy = Date.now();
      void queue.refreshCopy();
    }, Math.max(0, wait));
  };
  api.transport.listen((message) => {
    if (message.topic === 'checkin.changed' || message.topic === 'data.changed' || message.topic === 'event.changed') refreshSoon();
  });
  // The push channel coming back is the first sign the host is back: send the queue at once.
  api.transport.onConnectionChange((connected) => {
    if (connected) void queue.probe();
  });
  lastCopy = Date.now();
  void queue.probe();
  return queue;
}

/**
 * Records a scan through the desk queue on a LAN desk, straight with `checkin.scan` on the
 * desktop window. An 'offline' error (neither host nor desk could answer) is the HTTP
 * transport's own code, outside the method's declared ones, as for every call on that transport.
 */
export function submitThroughDeskQueue(api: ApiClient, input: MethodInput<'checkin.scan'>): Promise<MethodResult<'checkin.scan'>> {
  const queue = deskQueueFor(api);
  if (!queue) return api.call('checkin.scan', input);
  return queue.scan(input) as Promise<MethodResult<'checkin.scan'>>;
}

const NO_QUEUE = (): (() => void) => () => undefined;

/** The desk queue's state for the banner; null on the desktop window (no queue there). */
export function useDeskQueueState(): DeskQueueState | null {
  const api = useApi();
  const queue = deskQueueFor(api);
  const subscribe = useCallback((onChange: () => void) => (queue ? queue.subscribe(onChange) : NO_QUEUE()), [queue]);
  return useSyncExternalStore(subscribe, () => queue?.state() ?? null);
}

/** Sends the queue now (the banner's button). */
export function useSyncNow(): () => void {
  const api = useApi();
  return () => void deskQueueFor(api)?.sync();
}
