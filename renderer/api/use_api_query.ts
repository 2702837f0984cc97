import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, MethodInput, MethodName, MethodOutput, PushTopic } from '../../electron/contract';
import { useApi } from './api_context';

export type QueryState<T> =
  | { status: 'loading'; value?: T }
  | { status: 'ok'; value: T }
  | { status: 'error'; error: ApiError; value?: T };

const DEFAULT_REFRESH: readonly PushTopic[] = ['event.changed', 'data.changed'];

/**
 * Reads one API method and keeps it fresh: it re-reads when the host pushes one of the
 * given topics, so every screen shows what the database holds now.
 */
export function useApiQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  refreshOn: readonly PushTopic[] = DEFAULT_REFRESH,
): QueryState<MethodOutput<M>> & { reload: () => void } {
  const api = useApi();
  const [state, setState] = useState<QueryState<MethodOutput<M>>>({ status: 'loading' });
  const key = JSON.stringify(input);
  const latest = useRef(0);

  const load = useCallback(() => {
    const request = ++latest.current;
    void api.call(method, JSON.parse(key) as MethodInput<M>).then((result) => {
      if (request !== latest.current) return; // an older answer arriving late is ignored
      setState((previous) =>
        result.ok
          ? { status: 'ok', value: result.value as MethodOutput<M> }
          : { status: 'error', error: result.error, value: previous.value },
      );
    });
  }, [api, method, key]);

  useEffect(load, [load]);
  useEffect(
    () =>
      api.transport.listen((message) => {
        if ((refreshOn as readonly string[]).includes(message.topic)) load();
      }),
    [api, load, refreshOn],
  );
  return { ...state, reload: load };
}
