import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, MethodInput, Participant } from '../../../electron/contract';
import { useApi } from '../../api/api_context';

/** Rows fetched per request: a screenful and more, well under the contract's 500. */
export const PAGE_SIZE = 50;

export type ListFilter = Omit<MethodInput<'participants.list'>, 'limit' | 'offset'>;

export interface ParticipantRows {
  /** Matching people in all, or null before the first answer. */
  total: number | null;
  /** The row at a position, once its page has arrived. */
  rowAt(index: number): Participant | undefined;
  /** Asks for the rows in [start, end] (the visible ones); pages already here are not fetched again. */
  need(start: number, end: number): void;
  error: ApiError | null;
  /** Increases whenever rows arrive, so that components reading rowAt re-render. */
  revision: number;
  reload(): void;
}

/**
 * The participant list as windows fetched while the user scrolls: never 100,000 rows in one
 * answer. The host ranks and sorts; this keeps the pages it has sent, keyed by the filter. A
 * change of filter starts over; a push that data changed re-fetches the pages on screen, old
 * rows staying visible until the new ones arrive. Answers for an older filter are dropped.
 */
export function useParticipantRows(filter: ListFilter): ParticipantRows {
  const api = useApi();
  const key = JSON.stringify(filter);
  // The latest answer, tagged with the filter it answers: after a change of filter the old
  // total and error no longer apply, without an effect having to clear them.
  const [answer, setAnswer] = useState<{ key: string; total: number | null; error: ApiError | null }>({ key, total: null, error: null });
  const [revision, setRevision] = useState(0);
  const pages = useRef(new Map<number, Participant[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  const lastNeed = useRef<[number, number]>([0, 0]);

  const fetchPage = useCallback(
    (page: number, gen: number) => {
      if (pending.current.has(page)) return;
      pending.current.add(page);
      const input = { ...(JSON.parse(key) as ListFilter), limit: PAGE_SIZE, offset: page * PAGE_SIZE };
      void api.call('participants.list', input).then((result) => {
        if (gen !== generation.current) return; // an answer for an older filter or data
        pending.current.delete(page);
        if (!result.ok) {
          setAnswer((a) => ({ key, total: a.key === key ? a.total : null, error: result.error }));
          return;
        }
        pages.current.set(page, result.value.items);
        setAnswer({ key, total: result.value.total, error: null });
        setRevision((r) => r + 1);
      });
    },
    [api, key],
  );

  const need = useCallback(
    (start: number, end: number) => {
      lastNeed.current = [start, end];
      for (let page = Math.floor(Math.max(0, start) / PAGE_SIZE); page <= Math.floor(Math.max(0, end) / PAGE_SIZE); page++) {
        if (!pages.current.has(page)) fetchPage(page, generation.current);
      }
    },
    [fetchPage],
  );

  /** Fetches again what is on screen (after a change), keeping the old rows until then. */
  const reload = useCallback(() => {
    generation.current++;
    pending.current.clear();
    const [start, end] = lastNeed.current;
    const keep = new Set<number>();
    for (let page = Math.floor(start / PAGE_SIZE); page <= Math.floor(end / PAGE_SIZE); page++) keep.add(page);
    for (const page of [...pages.current.keys()]) if (!keep.has(page)) pages.current.delete(page);
    for (const page of keep) fetchPage(page, generation.current);
  }, [fetchPage]);

  // A new filter: start over from the top.
  useEffect(() => {
    generation.current++;
    pages.current = new Map();
    pending.current = new Set();
    lastNeed.current = [0, PAGE_SIZE - 1];
    fetchPage(0, generation.current);
  }, [fetchPage]);

  // Filtered by arrival, the list also changes with every check-in anywhere.
  const byArrival = filter.checkedIn !== undefined;
  useEffect(
    () =>
      api.transport.listen((message) => {
        if (message.topic === 'event.changed') reload();
        if (message.topic === 'data.changed' && (message.payload as { scope?: string } | null)?.scope === 'participants') reload();
        if (message.topic === 'checkin.changed' && byArrival) reload();
      }),
    [api, reload, byArrival],
  );

  const rowAt = useCallback((index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], []);
  const current = answer.key === key;
  return { total: current ? answer.total : null, rowAt, need, error: current ? answer.error : null, revision, reload };
}
