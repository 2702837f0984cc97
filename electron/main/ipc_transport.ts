/**
 * The IPC transport: the desktop window's road to the core. Policy (checklist item 17):
 * - one invoke channel, `api:call`, carrying `{method, input}`; the dispatcher then checks
 *   the method, the role and the input against the contract, exactly as for HTTP;
 * - the sender is validated before anything else: a live frame, the main frame of a window
 *   this process created, showing `app://bundle/…`. Anything else gets `forbidden` and the
 *   core is never called. The window is the host's own screen, so it calls as `admin`;
 * - pushes go out on `api:push` only to our windows while they show the bundle.
 */
import { err, type Result } from '../contract';
import type { Caller } from '../core/api/caller';
import type { Dispatch } from '../core/api/dispatch';
import type { PushListener } from '../core/api/push_bus';
import { isAppUrl } from './web_security';

/** The invoke channel of every API call. */
export const API_CALL_CHANNEL = 'api:call';
/** The channel push messages travel on to the windows. */
export const API_PUSH_CHANNEL = 'api:push';

/** Who the desktop window calls as. */
const IPC_CALLER: Caller = { role: 'admin', transport: 'ipc' };

/** The part of a frame the validation reads (Electron's WebFrameMain). */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
  readonly frameTreeNodeId: number;
}

/** The part of a webContents the transport uses. */
export interface WebContentsLike {
  readonly id: number;
  readonly mainFrame: FrameLike;
  isDestroyed(): boolean;
  getURL(): string;
  send(channel: string, ...args: unknown[]): void;
  once(event: 'destroyed', listener: () => void): unknown;
}

/** The part of an invoke event the validation reads. */
export interface InvokeEventLike {
  readonly sender: WebContentsLike;
  readonly senderFrame: FrameLike | null;
}

/** The part of ipcMain the transport uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** What the transport needs of the core (HostCore satisfies it). */
export interface IpcCore {
  readonly dispatch: Dispatch;
  readonly bus: { subscribe(listener: PushListener): () => void };
}

/** The windows this process created: the only webContents that may call the core. */
export class WindowRegistry {
  private readonly contents = new Map<number, WebContentsLike>();

  /** Adds a window's webContents; it leaves the registry when it is destroyed. */
  track(webContents: WebContentsLike): void {
    this.contents.set(webContents.id, webContents);
    webContents.once('destroyed', () => this.contents.delete(webContents.id));
  }

  /** Whether a webContents is one of ours and alive (Electron never reuses an id in a run). */
  has(webContents: WebContentsLike): boolean {
    return this.contents.has(webContents.id) && !webContents.isDestroyed();
  }

  /** Our webContents that are still alive. */
  live(): WebContentsLike[] {
    return [...this.contents.values()].filter((wc) => !wc.isDestroyed());
  }
}

/** Whether a frame is the top frame of the given webContents. */
function isMainFrameOf(frame: FrameLike, webContents: WebContentsLike): boolean {
  const main = webContents.mainFrame;
  // Electron hands out one WebFrameMain object per frame, so identity is the normal case; the
  // id comparison only keeps a rewrapped object of the very same top frame working.
  return frame === main || (frame.parent === null && frame.frameTreeNodeId === main.frameTreeNodeId);
}

/** Why a sender is refused, or null when it may call the core. */
export function senderProblem(event: InvokeEventLike, registry: WindowRegistry): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the calling frame is gone';
  if (!registry.has(event.sender)) return 'the call does not come from a Delegate Desk window';
  if (!isMainFrameOf(frame, event.sender)) return 'the call comes from an embedded frame';
  if (!isAppUrl(frame.url)) return 'the calling page is not the Delegate Desk app';
  return null;
}

/** A well-formed call: a method name and its input. */
interface CallPayload {
  readonly method: string;
  readonly input: unknown;
}

/** Checks the payload shape; the dispatcher validates the input itself against the contract. */
function parsePayload(payload: unknown): CallPayload | null {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  const keys = Object.keys(payload);
  if (keys.some((k) => k !== 'method' && k !== 'input')) return null;
  const { method, input } = payload as { method?: unknown; input?: unknown };
  if (typeof method !== 'string' || method.length === 0 || method.length > 200) return null;
  return { method, input };
}

export interface IpcTransportOptions {
  readonly ipcMain: IpcMainLike;
  readonly core: IpcCore;
  readonly registry: WindowRegistry;
  /** Where refusals are reported (one line each); stderr by default. */
  readonly log?: (line: string) => void;
}

/** Handles `api:call` and forwards pushes; returns the function that undoes both. */
export function registerIpcTransport(options: IpcTransportOptions): () => void {
  const { ipcMain, core, registry } = options;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  ipcMain.handle(API_CALL_CHANNEL, async (event, payload): Promise<Result<unknown>> => {
    const problem = senderProblem(event, registry);
    if (problem) {
      log(`[delegate-desk] refused an IPC call: ${problem}`);
      return err('forbidden', `This call was refused: ${problem}.`);
    }
    const call = parsePayload(payload);
    if (!call) {
      return err('invalid_input', 'An API call must be an object {method: string, input} and nothing else.');
    }
    try {
      return await core.dispatch(IPC_CALLER, call.method, call.input);
    } catch {
      // The dispatcher turns handler failures into results; reaching here is a bug in it,
      // and the renderer still gets a result rather than a rejected promise with internals.
      return err('internal', 'Something went wrong inside Delegate Desk. Try again; if it repeats, restart the app.');
    }
  });

  const unsubscribe = core.bus.subscribe((message) => {
    for (const webContents of registry.live()) {
      // Never hand event data to a page that is not ours (e.g. while a load is failing).
      if (!isAppUrl(webContents.getURL())) continue;
      webContents.send(API_PUSH_CHANNEL, { topic: message.topic, payload: message.payload });
    }
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(API_CALL_CHANNEL);
  };
}
