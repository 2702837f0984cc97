import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Booth } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { clockTime, useEventTimeZone, useRoomQuery } from './use_room_query';

/** The paired booth tablets, free or busy, online or not; a waiting ballot can be taken back. */
export function BoothsCard() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const booths = useRoomQuery('voting.booths.list', {});
  const timeZone = useEventTimeZone();
  const [error, setError] = useState<string | null>(null);
  const release = (booth: Booth) => {
    void api.call('voting.booths.release', { deviceId: booth.deviceId }).then((r) => {
      setError(r.ok ? null : r.error.message);
      booths.reload();
    });
  };
  return (
    <section className="card" data-testid="booths">
      <h2>{t('room.booths.title')}</h2>
      {booths.value?.length === 0 ? <p className="muted">{t('room.booths.none')}</p> : null}
      <ul className="booth-list">
        {booths.value?.map((booth) => (
          <li key={booth.deviceId} className={`booth-tile ${booth.state}`} data-testid="booth-tile" data-booth={booth.name} data-state={booth.state}>
            <span className={booth.online ? 'dot online' : 'dot'} aria-hidden="true" />
            <span className="booth-name"><bdi>{booth.name}</bdi></span>
            <span className="booth-state">
              {booth.state === 'busy' ? t('room.booths.busySince', { time: clockTime(booth.since, i18n.language, timeZone) }) : t('room.booths.free')}
              {booth.online ? '' : ` · ${t('room.booths.offline')}`}
            </span>
            {booth.state === 'busy' ? (
              <button type="button" onClick={() => release(booth)}>{t('room.booths.release')}</button>
            ) : null}
          </li>
        ))}
      </ul>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
    </section>
  );
}

/** Buttons to send an issued ballot to one of the free booths (online ones first). */
export function AssignBooth({ issuanceId, onDone }: { issuanceId: number; onDone?: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const booths = useRoomQuery('voting.booths.list', {});
  const [error, setError] = useState<string | null>(null);
  const free = (booths.value ?? []).filter((b) => b.state === 'free').sort((a, b) => Number(b.online) - Number(a.online));
  const assign = (booth: Booth) => {
    void api.call('voting.booths.assign', { issuanceId, deviceId: booth.deviceId }).then((r) => {
      setError(r.ok ? null : r.error.message);
      booths.reload();
      if (r.ok) onDone?.();
    });
  };
  return (
    <div className="assign-booth" data-testid="assign-booth">
      <span className="muted">{free.length === 0 ? t('room.booths.noneFree') : t('room.booths.sendTo')}</span>
      {free.map((booth) => (
        <button key={booth.deviceId} type="button" className="booth-choice-button" onClick={() => assign(booth)} data-testid="assign-to" data-booth={booth.name}>
          <bdi>{booth.name}</bdi>
          {booth.online ? null : <span className="sub">{t('room.booths.offline')}</span>}
        </button>
      ))}
      {error ? <p className="form-error" role="alert">{error}</p> : null}
    </div>
  );
}
