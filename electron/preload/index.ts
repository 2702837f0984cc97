/**
 * The preload: the only bridge between the page and the main process (checklist item 20).
 * Policy: it exposes one frozen object with two functions over two fixed channels, never
 * `ipcRenderer` itself, and push handlers get the payload alone, never the IpcRendererEvent
 * (whose `sender` would hand the page a raw IPC object). It runs sandboxed, so it may import
 * only 'electron' at run time; the contract is imported for its types only.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { MethodInput, MethodName, MethodResult, PushPayload, PushTopic } from '../contract';

// Duplicated from electron/main/ipc_transport.ts on purpose: a sandboxed preload is one
// self-contained file, and the tests check that the two sides agree.
const API_CALL_CHANNEL = 'api:call';
const API_PUSH_CHANNEL = 'api:push';

/** What the page sees as `window.delegateDesk`. */
export interface DelegateDeskBridge {
  /** Calls an API method as the host's own window; resolves to its Result, never rejects on API errors. */
  call<M extends MethodName>(method: M, input?: MethodInput<M>): Promise<MethodResult<M>>;
  /** Listens to one push topic; returns the function that stops listening. */
  subscribe<T extends PushTopic>(topic: T, handler: (payload: PushPayload<T>) => void): () => void;
}

type PayloadHandler = (payload: unknown) => void;
const handlersByTopic = new Map<string, Set<PayloadHandler>>();

// One IPC listener for all subscriptions: the page's handlers are kept here, so the page can
// never add or remove listeners on ipcRenderer directly.
ipcRenderer.on(API_PUSH_CHANNEL, (_event, message: unknown) => {
  if (typeof message !== 'object' || message === null) return;
  const { topic, payload } = message as { topic?: unknown; payload?: unknown };
  if (typeof topic !== 'string') return;
  for (const handler of [...(handlersByTopic.get(topic) ?? [])]) {
    try {
      handler(payload);
    } catch (error) {
      // One broken screen component must not stop the others from hearing the push.
      console.error('[delegate-desk] a push handler failed', error);
    }
  }
});

const bridge: DelegateDeskBridge = Object.freeze({
  call(method: string, input?: unknown) {
    return ipcRenderer.invoke(API_CALL_CHANNEL, { method, input });
  },
  subscribe(topic: string, handler: PayloadHandler) {
    if (typeof topic !== 'string' || typeof handler !== 'function') {
      throw new TypeError('subscribe(topic, handler) needs a topic name and a function.');
    }
    // Wrapped so that subscribing the same function twice gives two independent subscriptions.
    const entry: PayloadHandler = (payload) => handler(payload);
    let set = handlersByTopic.get(topic);
    if (!set) {
      set = new Set();
      handlersByTopic.set(topic, set);
    }
    set.add(entry);
    return () => {
      set.delete(entry);
      if (set.size === 0 && handlersByTopic.get(topic) === set) handlersByTopic.delete(topic);
    };
  },
} as DelegateDeskBridge);

contextBridge.exposeInMainWorld('delegateDesk', bridge);
