import { useTranslation } from 'react-i18next';
import type { Contest, CountShowState, CountSheet } from '../../../electron/contract';
import { optionColour, optionName, pick } from './show_text';

/** The counting machine (심사계수기): each tray banded in bundles of 100, drawn as stacks. */
export function BundlingStage({ contest, sheet, show }: { contest: Contest; sheet: CountSheet; show: CountShowState }) {
  const { t } = useTranslation(undefined, { lng: show.language });
  const lang = show.language;
  const name = (tray: string) => (tray === 'invalid' ? t('countShow.invalidTray') : tray === 'multi' ? t('countShow.multiTray') : optionName(contest, tray, lang));
  return (
    <section className="stage bundling-stage" data-testid="bundling-stage">
      <header className="stage-head">
        <h2>{t('countShow.phase.bundling')}</h2>
        <p className="stage-sub">{pick(contest.title, lang)} · {t('countShow.bundlesOf')}</p>
      </header>
      <ul className="bundle-rows">
        {sheet.bundles.map((b) => (
          <li key={b.tray} style={{ ['--tray' as string]: b.tray === 'invalid' ? '#8a8f98' : optionColour(contest, b.tray) }}>
            <bdi className="bundle-name">{name(b.tray)}</bdi>
            <span className="bundle-stacks">
              {b.bundles.map((n, i) => (
                <span key={i} className="bundle" style={{ ['--fill' as string]: String(n / 100), animationDelay: `${i * 0.25}s` }}>
                  {n}
                </span>
              ))}
            </span>
            <span className="bundle-total">{t('countShow.ballots', { count: b.bundles.reduce((s, n) => s + n, 0) })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The count sheet (개표상황표): figures, votes per option, and the reconciliation, or the alarm in red. */
export function SheetStage({ contest, sheet, show, fingerprint, signed }: {
  contest: Contest;
  sheet: CountSheet;
  show: CountShowState;
  fingerprint: string;
  signed: string | null;
}) {
  const { t } = useTranslation(undefined, { lng: show.language });
  const lang = show.language;
  const line = (key: string, n: number, testid?: string) => (
    <tr>
      <th scope="row">{t(`countShow.sheet.${key}`)}</th>
      <td data-testid={testid}>{n}</td>
    </tr>
  );
  return (
    <section className="stage sheet-stage" data-testid="sheet-stage">
      <header className="stage-head">
        <h2>{t(show.phase === 'signoff' ? 'countShow.phase.signoff' : 'countShow.phase.sheet')}</h2>
        <p className="stage-sub">{pick(contest.title, lang)}</p>
      </header>
      <div className="sheet-grid">
        <table className="sheet-table">
          <tbody>
            {line('issued', sheet.issued, 'sheet-issued')}
            {line('cast', sheet.cast)}
            {line('counted', sheet.counted)}
            {line('valid', sheet.valid, 'sheet-valid')}
            {line('invalid', sheet.invalid, 'sheet-invalid')}
            {sheet.pending ? line('pending', sheet.pending) : null}
            {line('outstanding', sheet.outstanding, 'sheet-outstanding')}
            {line('cancelled', sheet.cancelled, 'sheet-cancelled')}
          </tbody>
        </table>
        <table className="sheet-table votes-table">
          <thead>
            <tr>
              <th scope="col" colSpan={2}>{t('countShow.sheet.votes')}</th>
            </tr>
          </thead>
          <tbody>
            {sheet.votes.map((v) => (
              <tr key={v.optionId}>
                <th scope="row">
                  <span className="party-dot" style={{ backgroundColor: optionColour(contest, v.optionId) }} />
                  <bdi>{optionName(contest, v.optionId, lang)}</bdi>
                </th>
                <td>{v.votes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sheet.alarm ? (
        <p className="sheet-alarm" role="alert" data-testid="sheet-alarm">
          <strong>{t('countShow.sheet.alarm')}</strong> {sheet.alarm}
        </p>
      ) : sheet.pending ? (
        <p className="sheet-pending">{t('countShow.sheet.notFinal')}</p>
      ) : (
        <p className="sheet-ok" data-testid="sheet-reconciled">
          ✓ {t('countShow.sheet.reconciled', { issued: sheet.issued, valid: sheet.valid, invalid: sheet.invalid, outstanding: sheet.outstanding, cancelled: sheet.cancelled })}
        </p>
      )}
      <p className="sheet-foot">
        <span>{t('countShow.fingerprint')}: <code>{fingerprint.slice(0, 16)}…</code></span>
        <span data-testid="signature">{signed ?? t('countShow.awaitingSignature')}</span>
      </p>
    </section>
  );
}
