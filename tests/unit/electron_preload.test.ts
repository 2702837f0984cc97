// The preload bridge: what the page can reach, and what it cannot.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { API_CALL_CHANNEL, API_PUSH_CHANNEL } from '../../electron/main/ipc_transport';

const electron = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn(async () => ({ ok: true, value: 'pong' })),
  on: vi.fn(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: { invoke: electron.invoke, on: electron.on },
}));

type Bridge = {
  call(method: string, input?: unknown): Promise<unknown>;
  subscribe(topic: string, handler: (...args: unknown[]) => void): () => void;
};
let bridge: Bridge;
let pushListener: (event: unknown, message: unknown) => void;

beforeAll(async () => {
  await import('../../electron/preload/index');
  expect(electron.exposeInMainWorld).toHaveBeenCalledOnce();
  const [name, exposed] = electron.exposeInMainWorld.mock.calls[0]!;
  expect(name).toBe('delegateDesk');
  bridge = exposed as Bridge;
  expect(electron.on).toHaveBeenCalledOnce();
  expect(electron.on.mock.calls[0]![0]).toBe(API_PUSH_CHANNEL);
  pushListener = electron.on.mock.calls[0]![1] as typeof pushListener;
});

/** What the renderer's event object looks like: it carries a raw `sender`. */
const ipcEvent = { sender: { send: () => undefined, invoke: () => undefined }, ports: [] };

describe('preload bridge', () => {
  it('exposes exactly call and subscribe, as functions, on a frozen object', () => {
    expect(Object.keys(bridge).sort()).toEqual(['call', 'subscribe']);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(typeof bridge.call).toBe('function');
    expect(typeof bridge.subscribe).toBe('function');
    // nothing of ipcRenderer leaks through any property
    expect(Object.values(bridge)).not.toContain(electron.invoke);
  });

  it('call invokes api:call with {method, input} and returns its result', async () => {
    await expect(bridge.call('health', { x: 1 })).resolves.toEqual({ ok: true, value: 'pong' });
    expect(electron.invoke).toHaveBeenLastCalledWith(API_CALL_CHANNEL, { method: 'health', input: { x: 1 } });
    expect(API_CALL_CHANNEL).toBe('api:call');
  });

  it('subscribe hands the handler the payload only, for its topic only, until unsubscribed', () => {
    const handler = vi.fn();
    const other = vi.fn();
    const unsubscribe = bridge.subscribe('data.changed', handler);
    const unsubscribeOther = bridge.subscribe('event.changed', other);
    pushListener(ipcEvent, { topic: 'data.changed', payload: { scope: 'participants' } });
    expect(handler).toHaveBeenCalledExactlyOnceWith({ scope: 'participants' });
    expect(handler.mock.calls[0]).toHaveLength(1);
    expect(other).not.toHaveBeenCalled();
    unsubscribe();
    pushListener(ipcEvent, { topic: 'data.changed', payload: { scope: 'programme' } });
    expect(handler).toHaveBeenCalledOnce();
    unsubscribeOther();
  });

  it('ignores malformed pushes and keeps delivering when one handler throws', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = vi.fn(() => {
      throw new Error('component bug');
    });
    const fine = vi.fn();
    const stopA = bridge.subscribe('event.changed', broken);
    const stopB = bridge.subscribe('event.changed', fine);
    for (const junk of [null, 'x', { payload: 1 }, { topic: 7, payload: 1 }]) pushListener(ipcEvent, junk);
    expect(fine).not.toHaveBeenCalled();
    pushListener(ipcEvent, { topic: 'event.changed', payload: { eventId: null } });
    expect(fine).toHaveBeenCalledExactlyOnceWith({ eventId: null });
    expect(errors).toHaveBeenCalledOnce();
    stopA();
    stopB();
    errors.mockRestore();
  });

  it('rejects a subscribe without a topic name or a function', () => {
    expect(() => bridge.subscribe(42 as never, () => undefined)).toThrow(TypeError);
    expect(() => bridge.subscribe('data.changed', 'not a function' as never)).toThrow(TypeError);
  });

  it('imports nothing at run time but electron (a sandboxed preload is one file)', () => {
    const source = fs.readFileSync(path.resolve(import.meta.dirname, '../../electron/preload/index.ts'), 'utf8');
    const imports = [...source.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)].map((m) => ({ typeOnly: !!m[1], from: m[2] }));
    expect(imports.filter((i) => !i.typeOnly).map((i) => i.from)).toEqual(['electron']);
  });
});
