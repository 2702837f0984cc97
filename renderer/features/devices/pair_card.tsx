import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PairedRole, PairingOffer } from '../../../electron/contract';
import { useApi } from '../../api/api_context';
import { QrImage } from './qr_image';
import { useNow } from './time_ago';

/** The jobs a device can be paired for, in the order staff usually set up a room. */
export const PAIRED_ROLES: readonly PairedRole[] = ['desk', 'booth', 'projector', 'presenter'];

const PAIR_ERRORS = new Set(['name_taken', 'too_many_codes']);

/** 123 456: easier to read aloud across a desk. */
function spaced(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}

/** One open code: the digits, the QR a tablet scans, and how long it has left. */
function OpenCode({ offer, onCancel }: { offer: PairingOffer; onCancel: () => void }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const left = Math.max(0, Math.round((new Date(offer.expiresAt).getTime() - now) / 1000));
  const url = offer.pairUrls[0];
  const ended = useRef(false);
  useEffect(() => {
    // An expired code leaves the list once (the host has voided it already).
    if (left === 0 && !ended.current) {
      ended.current = true;
      onCancel();
    }
  }, [left, onCancel]);
  return (
    <li className="open-code" data-testid="open-code">
      {url ? <QrImage text={url} label={t('deviceAdmin.codeQr')} size={176} testId="pairing-qr" /> : null}
      <div className="open-code-text">
        <p className="open-code-for">
          {t('deviceAdmin.codeFor')} <bdi className="strong">{offer.name}</bdi> · {t(`pairing.role.${offer.role}`)}
        </p>
        <p className="open-code-digits" dir="ltr" data-testid="pairing-code-shown" data-code={offer.code}>{spaced(offer.code)}</p>
        <p className="muted" role="timer" aria-live="off">
          {t('deviceAdmin.expiresIn', { time: `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}` })}
        </p>
        <p className="muted hint">{url ? t('deviceAdmin.codeHowTo', { host: new URL(url).host }) : t('deviceAdmin.codeNeedsLan')}</p>
        <button type="button" onClick={onCancel}>{t('deviceAdmin.cancelCode')}</button>
      </div>
    </li>
  );
}

/**
 * Pairing a new device: staff name it and choose its job, then the host shows a short-lived
 * single-use code (and a QR carrying the address with the code in its fragment).
 */
export function PairCard({ offers, lanOn, onChanged }: { offers: readonly PairingOffer[]; lanOn: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [name, setName] = useState('');
  const [role, setRole] = useState<PairedRole>('desk');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const result = await api.call('devices.pairingStart', { role, name });
    setBusy(false);
    if (!result.ok) {
      setProblem(PAIR_ERRORS.has(result.error.code) ? t(`deviceAdmin.error.${result.error.code}`, { name }) : result.error.message);
      return;
    }
    setName('');
    onChanged();
  };
  const cancel = (code: string) => {
    void api.call('devices.pairingCancel', { code }).then(onChanged);
  };

  return (
    <div className="card" data-testid="pair-card">
      <h2>{t('deviceAdmin.pairTitle')}</h2>
      <p className="muted">{t('deviceAdmin.pairIntro')}</p>
      <form className="pair-form" onSubmit={(e) => void start(e)}>
        <label>
          <span>{t('deviceAdmin.name')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={60} required placeholder={t('deviceAdmin.namePlaceholder')} data-testid="pair-name" />
        </label>
        <fieldset className="role-choice">
          <legend>{t('deviceAdmin.role')}</legend>
          {PAIRED_ROLES.map((r) => (
            <label key={r} className={r === role ? 'role-option chosen' : 'role-option'}>
              <input type="radio" name="pair-role" value={r} checked={r === role} onChange={() => setRole(r)} data-testid={`pair-role-${r}`} />
              <span className="strong">{t(`pairing.role.${r}`)}</span>
              <span className="muted">{t(`deviceAdmin.roleHelp.${r}`)}</span>
            </label>
          ))}
        </fieldset>
        <button type="submit" className="primary" disabled={busy || !lanOn || name.trim() === ''} data-testid="pair-start">
          {t('deviceAdmin.showCode')}
        </button>
        {!lanOn ? <p className="muted hint">{t('deviceAdmin.codeNeedsLan')}</p> : null}
      </form>
      {problem ? (
        <div className="notice notice-error" role="alert">
          <span>{problem}</span>
        </div>
      ) : null}
      {offers.length ? (
        <ul className="open-codes">
          {offers.map((o) => (
            <OpenCode key={o.code} offer={o} onCancel={() => cancel(o.code)} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
