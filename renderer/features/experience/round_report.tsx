import { useTranslation } from 'react-i18next';
import type { Contest, RoundReport } from '../../../electron/contract';
import { pickText } from './pick_text';
import { useEventTimeZone } from './use_room_query';

/** A fingerprint as people compare it aloud: groups of four hex digits. */
export function groupedFingerprint(hex: string): string {
  return (hex.match(/.{1,4}/gu) ?? []).join(' ');
}

/**
 * The opening (zero) or closing report, as real polling-place systems print it: election,
 * time, the definition's fingerprint in full, the figures, and the papers in the box per
 * contest — all zero at opening, which is the point of showing it to the group.
 */
export function RoundReportCard({ report, contests }: { report: RoundReport; contests: readonly Contest[] }) {
  const { t, i18n } = useTranslation();
  const timeZone = useEventTimeZone();
  const title = pickText(report.electionTitle, i18n.language);
  const at = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone }).format(new Date(report.at));
  const zero = report.kind === 'opening';
  return (
    <article className={`report report-${report.kind}`} data-testid={`report-${report.kind}`}>
      <h3>{zero ? t('room.report.opening') : t('room.report.closing')}</h3>
      <dl className="facts">
        <dt>{t('room.report.election')}</dt>
        <dd><bdi lang={title.lang}>{title.text}</bdi></dd>
        <dt>{t('room.report.at')}</dt>
        <dd>{at}</dd>
        <dt>{t('room.report.fingerprint')}</dt>
        <dd><code className="fingerprint-full" dir="ltr" data-testid="report-fingerprint">{groupedFingerprint(report.fingerprint)}</code></dd>
        <dt>{t('room.integrity.issued')}</dt>
        <dd>{report.figures.issued}</dd>
        <dt>{t('room.integrity.cast')}</dt>
        <dd>{report.figures.cast}</dd>
      </dl>
      <table className="data-table report-box">
        <caption>{t('room.report.box')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('room.report.contest')}</th>
            <th scope="col" className="num">{t('room.report.papers')}</th>
          </tr>
        </thead>
        <tbody>
          {report.figures.box.map((b) => {
            const contest = contests.find((c) => c.id === b.contestId);
            const name = contest ? pickText(contest.title, i18n.language) : null;
            return (
            <tr key={b.contestId}>
              <td>{name ? <bdi lang={name.lang}>{name.text}</bdi> : <code>{b.contestId}</code>}</td>
              <td className="num" data-testid="box-papers">{b.papers}</td>
            </tr>
            );
          })}
        </tbody>
      </table>
      {zero ? <p className="report-note">{t('room.report.zeroNote')}</p> : null}
    </article>
  );
}
