// The IPC transport: only the main frame of our own window at app://bundle reaches the core,
// as admin; malformed payloads never reach it; pushes go to our live windows only.
import { describe, expect, it, vi, type Mock } from 'vitest';

// None of these modules needs Electron at run time, but a slip that made one import it must
// fail here with a clear error rather than reach the stub.
vi.mock('electron', () => {
  throw new Error('the shell modules under test must not import electron at run time');
});

import {
  API_CALL_CHANNEL,
  API_PUSH_CHANNEL,
  registerIpcTransport,
  WindowRegistry,
  type FrameLike,
  type InvokeEventLike,
  type IpcMainLike,
  type WebContentsLike,
} from '../../electron/main/ipc_transport';

/** A frame and a webContents as Electron would give them, for a window at `url`. */
function fakeWindow(id: number, url = 'app://bundle/index.html') {
  const mainFrame: FrameLike = { url, parent: null, frameTreeNodeId: id * 100 };
  const destroyedListeners: Array<() => void> = [];
  let destroyed = false;
  type Send = (channel: string, ...args: unknown[]) => void;
  const webContents: WebContentsLike & { send: Mock<Send>; destroy(): void } = {
    id,
    mainFrame,
    isDestroyed: () => destroyed,
    getURL: () => mainFrame.url,
    send: vi.fn<Send>(),
    once: (_event: 'destroyed', listener: () => void) => destroyedListeners.push(listener),
    destroy() {
      destroyed = true;
      for (const l of destroyedListeners) l();
    },
  };
  return { webContents, mainFrame };
}

function fakeIpc() {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  return { ipcMain, handlers };
}

function fakeCore() {
  let pushListener: ((m: { topic: string; payload: unknown }) => void) | null = null;
  const unsubscribe = vi.fn();
  const core = {
    dispatch: vi.fn(async () => ({ ok: true as const, value: 1 })),
    bus: {
      subscribe: vi.fn((listener: (m: { topic: string; payload: unknown }) => void) => {
        pushListener = listener;
        return unsubscribe;
      }),
    },
  };
  return { core, push: (topic: string, payload: unknown) => pushListener?.({ topic, payload }), unsubscribe };
}

describe('IPC transport', () => {
  function setup() {
    const { ipcMain, handlers } = fakeIpc();
    const { core, push, unsubscribe } = fakeCore();
    const registry = new WindowRegistry();
    const ours = fakeWindow(1);
    registry.track(ours.webContents);
    const log = vi.fn();
    const stop = registerIpcTransport({ ipcMain, core: core as never, registry, log });
    const call = (event: InvokeEventLike, payload: unknown) => handlers.get(API_CALL_CHANNEL)!(event, payload);
    return { handlers, core, push, unsubscribe, registry, ours, log, stop, call };
  }
  const goodPayload = { method: 'health', input: {} };

  it('registers exactly one invoke channel, api:call', () => {
    const { handlers } = setup();
    expect([...handlers.keys()]).toEqual(['api:call']);
  });

  it('lets a call from our window main frame at app://bundle reach dispatch as admin over ipc', async () => {
    const { core, ours, call } = setup();
    const result = await call({ sender: ours.webContents, senderFrame: ours.mainFrame }, { method: 'event.current', input: { a: 1 } });
    expect(result).toEqual({ ok: true, value: 1 });
    expect(core.dispatch).toHaveBeenCalledExactlyOnceWith({ role: 'admin', transport: 'ipc' }, 'event.current', { a: 1 });
  });

  it('accepts a re-wrapped object of the same top frame', async () => {
    const { core, ours, call } = setup();
    const sameFrame: FrameLike = { ...ours.mainFrame };
    expect(await call({ sender: ours.webContents, senderFrame: sameFrame }, goodPayload)).toEqual({ ok: true, value: 1 });
    expect(core.dispatch).toHaveBeenCalledOnce();
  });

  const untrusted: Array<[string, (ours: ReturnType<typeof fakeWindow>) => InvokeEventLike]> = [
    ['a null senderFrame (navigated away or destroyed)', (o) => ({ sender: o.webContents, senderFrame: null })],
    [
      'a webContents we did not create',
      () => {
        const other = fakeWindow(2);
        return { sender: other.webContents, senderFrame: other.mainFrame };
      },
    ],
    [
      'a sub-frame of our window, even at app://bundle',
      (o) => ({ sender: o.webContents, senderFrame: { url: 'app://bundle/index.html', parent: o.mainFrame, frameTreeNodeId: 999 } }),
    ],
    [
      'a sub-frame showing http://evil',
      (o) => ({ sender: o.webContents, senderFrame: { url: 'http://evil.example/', parent: o.mainFrame, frameTreeNodeId: 998 } }),
    ],
    [
      'our main frame after it somehow navigated to http://evil',
      (o) => {
        const evil = fakeWindow(1, 'http://evil.example/');
        return { sender: o.webContents, senderFrame: { ...evil.mainFrame, frameTreeNodeId: o.mainFrame.frameTreeNodeId } };
      },
    ],
    [
      'a frame claiming to be another top frame',
      (o) => ({ sender: o.webContents, senderFrame: { url: 'app://bundle/index.html', parent: null, frameTreeNodeId: 12345 } }),
    ],
  ];

  it.each(untrusted)('refuses %s with forbidden and never dispatches', async (_name, makeEvent) => {
    const { core, ours, call, log } = setup();
    const result = await call(makeEvent(ours), goodPayload);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(core.dispatch).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledOnce();
  });

  it('refuses a destroyed window of ours', async () => {
    const { core, ours, call } = setup();
    ours.webContents.destroy();
    expect(await call({ sender: ours.webContents, senderFrame: ours.mainFrame }, goodPayload)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'health'],
    ['an array', ['health', {}]],
    ['no method', { input: {} }],
    ['a numeric method', { method: 42, input: {} }],
    ['an empty method', { method: '', input: {} }],
    ['an extra key', { method: 'health', input: {}, role: 'admin' }],
  ])('answers invalid_input to a malformed payload (%s)', async (_name, payload) => {
    const { core, ours, call } = setup();
    const result = await call({ sender: ours.webContents, senderFrame: ours.mainFrame }, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('turns a throwing dispatcher into an internal result, not a rejection', async () => {
    const { core, ours, call } = setup();
    core.dispatch.mockRejectedValueOnce(new Error('secret internals'));
    const result = await call({ sender: ours.webContents, senderFrame: ours.mainFrame }, goodPayload);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret internals');
  });

  it('pushes {topic, payload} on api:push to our live windows at app://bundle only', () => {
    const { push, registry, ours } = setup();
    const second = fakeWindow(3);
    const strayed = fakeWindow(4, 'https://evil.example/');
    const gone = fakeWindow(5);
    registry.track(second.webContents);
    registry.track(strayed.webContents);
    registry.track(gone.webContents);
    gone.webContents.destroy();
    const stranger = fakeWindow(6);
    push('data.changed', { scope: 'participants' });
    const message = { topic: 'data.changed', payload: { scope: 'participants' } };
    expect(ours.webContents.send).toHaveBeenCalledExactlyOnceWith(API_PUSH_CHANNEL, message);
    expect(second.webContents.send).toHaveBeenCalledExactlyOnceWith(API_PUSH_CHANNEL, message);
    expect(strayed.webContents.send).not.toHaveBeenCalled();
    expect(gone.webContents.send).not.toHaveBeenCalled();
    expect(stranger.webContents.send).not.toHaveBeenCalled();
  });

  it('undoes itself: handler removed and bus unsubscribed', () => {
    const { handlers, stop, unsubscribe } = setup();
    stop();
    expect(handlers.size).toBe(0);
    expect(unsubscribe).toHaveBeenCalledOnce();
  });
});
