import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Rows shown before "show all": the table sits under the preview and must not bury it. */
const FIRST_ROWS = 12;
import type { BadgeStatus } from '../../../electron/contract';

/** Who in the selection has a badge, which one (its serial) and when it was printed. */
export function StatusList({ items, total }: { items: readonly BadgeStatus[]; total: number }) {
  const { t, i18n } = useTranslation();
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const number = new Intl.NumberFormat(i18n.language);
  const [all, setAll] = useState(false);
  const rows = all ? items : items.slice(0, FIRST_ROWS);
  const more = total - items.length;
  return (
    <section className="badge-status" aria-labelledby="badge-status-title">
      <h2 id="badge-status-title" className="panel-title">{t('badges.statusTitle')}</h2>
      <table className="data-table" data-testid="badge-status">
        <thead>
          <tr>
            <th scope="col">{t('badges.statusName')}</th>
            <th scope="col">{t('badges.statusDelegation')}</th>
            <th scope="col">{t('badges.statusBadge')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((item) => (
            <tr key={item.participantId} data-printed={item.serial !== null}>
              <td>
                <bdi>{item.displayName}</bdi>
                {item.nativeName && item.nativeName !== item.displayName ? (
                  <bdi className="sub" lang={item.nativeNameLang ?? undefined}>{item.nativeName}</bdi>
                ) : null}
              </td>
              <td><bdi>{item.delegationName ?? '—'}</bdi></td>
              <td className={item.serial === null ? 'muted' : undefined}>
                {item.serial === null || item.printedAt === null
                  ? t('badges.notYetPrinted')
                  : t('badges.printedAt', { serial: number.format(item.serial), time: time.format(new Date(item.printedAt)) })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length < items.length ? (
        <button type="button" className="link" onClick={() => setAll(true)} data-testid="status-show-all">
          {t('badges.showAll', { formatted: number.format(items.length) })}
        </button>
      ) : null}
      {all && more > 0 ? <p className="muted small">{t('badges.moreRows', { count: more, formatted: number.format(more) })}</p> : null}
    </section>
  );
}
