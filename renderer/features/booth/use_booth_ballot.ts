import { useCallback, useEffect, useRef, useState } from 'react';
import type { BoothBallot } from '../../../electron/contract';
import { useApi } from '../../api/api_context';

/**
 * What the host has for this booth (idle, or an issued ballot), re-read whenever the room
 * changes (`voting.changed`, which carries no ballot data) and when the connection returns.
 */
export function useBoothBallot(): { ballot: BoothBallot | null; failed: boolean; reload: () => void; set: (b: BoothBallot) => void } {
  const api = useApi();
  const [ballot, setBallot] = useState<BoothBallot | null>(null);
  const [failed, setFailed] = useState(false);
  const latest = useRef(0);

  const reload = useCallback(() => {
    const request = ++latest.current;
    void api.call('voting.booth.current', {}).then((r) => {
      if (request !== latest.current) return;
      setFailed(!r.ok);
      if (r.ok) setBallot(r.value);
    });
  }, [api]);

  useEffect(reload, [reload]);
  useEffect(
    () =>
      api.transport.listen((message) => {
        if (message.topic === 'voting.changed' || message.topic === 'event.changed') reload();
      }),
    [api, reload],
  );
  useEffect(() => api.transport.onConnectionChange((up) => (up ? reload() : undefined)), [api, reload]);
  const set = useCallback((b: BoothBallot) => {
    latest.current++;
    setBallot(b);
  }, []);
  return { ballot, failed, reload, set };
}
