/**
 * The count sheet (개표상황표) and result of an announced round as a printable page, for the
 * PDF that is signed and archived. Every text from the election definition, the round label,
 * the event name and the signer is a stranger's text: it is escaped, isolated (`<bdi>`) and
 * never trusted as markup. The page has no scripts and loads nothing (a CSP says so too).
 */
import type { Contest, ContestResult, CountArchive, CountSheet, LocalizedText } from '../../contract';

/** What the page needs besides the archive. */
export interface CountSheetDoc {
  readonly eventName: string;
  readonly archive: CountArchive;
  readonly contests: readonly Contest[];
  /** Local times, already formatted in the event's time zone. */
  readonly startedAt: string;
  readonly signedAt: string;
  readonly announcedAt: string;
  readonly generatedAt: string;
}

/** Text made inert in HTML: the five markup characters become character references. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}

const esc = (text: string | number) => escapeHtml(String(text));
const bdi = (text: string) => `<bdi>${esc(text)}</bdi>`;
const en = (t: LocalizedText | null | undefined) => (t ? (t['en'] ?? Object.values(t)[0] ?? '') : '');
/** The host country's own spelling when it differs from the English one ("Han Do-yoon · 한도윤"). */
const own = (t: LocalizedText | null | undefined) => (t ? (Object.entries(t).find(([lang, v]) => lang !== 'en' && v !== en(t))?.[1] ?? null) : null);
const both = (t: LocalizedText | null | undefined) => {
  const other = own(t);
  return other ? `${bdi(en(t))} <span class="own">${bdi(other)}</span>` : bdi(en(t));
};

/** The tally engine's method ids in words, as the projector names them. */
const METHOD_NAMES: Record<string, string> = {
  plurality: 'most votes (plurality)', sntv: 'single non-transferable vote', approval: 'approval', 'yes-no': 'yes / no',
  irv: 'instant runoff', stv: 'single transferable vote', dhondt: "D'Hondt", 'sainte-lague': 'Sainte-Laguë',
  'modified-sainte-lague': 'modified Sainte-Laguë', hare: 'largest remainder (Hare)', droop: 'largest remainder (Droop)', 'kr-mixed': 'semi-linked mixed-member',
};

/** The fingerprint in groups of four, as the zero report shows it. */
const grouped = (hex: string) => hex.replace(/(.{4})(?=.)/gu, '$1 ');

function optionLabel(contest: Contest | undefined, optionId: string): string {
  const option = contest?.options.find((o) => o.id === optionId);
  if (!option) return bdi(optionId);
  const party = option.party ? ` <span class="party">(${bdi(en(option.party))})</span>` : '';
  return `${esc(option.symbol)}. ${both(option.name)}${party}`;
}

function sheetTable(contest: Contest | undefined, sheet: CountSheet): string {
  const line = (label: string, n: number, cls = '') => `<tr class="${cls}"><th scope="row">${esc(label)}</th><td class="n">${esc(n)}</td></tr>`;
  const votes = sheet.votes.map((v) => `<tr class="vote"><th scope="row">${optionLabel(contest, v.optionId)}</th><td class="n">${esc(v.votes)}</td></tr>`).join('');
  const balance = sheet.valid + sheet.invalid + sheet.outstanding + sheet.cancelled;
  const equation = `Ballots issued ${sheet.issued} ${sheet.issued === balance ? '=' : '≠'} valid ${sheet.valid} + invalid ${sheet.invalid} + outstanding ${sheet.outstanding} + cancelled ${sheet.cancelled} = ${balance}; papers counted ${sheet.counted} ${sheet.counted === sheet.cast ? '=' : '≠'} ballots cast ${sheet.cast}`;
  const verdict = sheet.reconciled
    ? `<p class="reconciled" data-reconciled="yes">✔ Reconciled. ${esc(equation)}</p>`
    : `<p class="alarm" role="alert" data-reconciled="no">✖ DOES NOT ADD UP. ${esc(equation)}${sheet.alarm ? `<br>${esc(sheet.alarm)}` : ''}${sheet.pending ? `<br>${esc(`${sheet.pending} paper(s) in the re-check tray were never judged.`)}` : ''}</p>`;
  return `<table class="sheet"><tbody>
${line('Ballots issued', sheet.issued)}${line('Ballots cast', sheet.cast)}${line('Papers counted', sheet.counted)}
<tr class="group"><th colspan="2">Votes per ${contest?.type === 'party_list' ? 'party' : contest?.type === 'yes_no' ? 'answer' : 'candidate'}${contest?.type === 'ranked' ? ' (first preferences)' : ''}</th></tr>
${votes}
${line('Valid papers', sheet.valid, 'total')}${line('Invalid papers', sheet.invalid)}${line('Issued, not cast (outstanding)', sheet.outstanding)}${line('Cancelled', sheet.cancelled)}
</tbody></table>
${verdict}`;
}

function roundsTable(contest: Contest | undefined, result: ContestResult): string {
  const rounds = result.rounds ?? [];
  if (rounds.length === 0) return '';
  const options = contest ? contest.options.map((o) => o.id) : Object.keys(result.totals);
  const head = rounds.map((r) => `<th scope="col" class="n">Round ${esc(r.round)}</th>`).join('');
  const rows = options.map((id) => {
    const cells = rounds.map((r) => {
      const n = r.tallies[id];
      const mark = r.elected.includes(id) ? ' <b>elected</b>' : r.eliminated.includes(id) ? ' <i>out</i>' : '';
      return `<td class="n">${n === undefined ? '—' : esc(Number.isInteger(n) ? n : n.toFixed(2))}${mark}</td>`;
    });
    return `<tr><th scope="row">${optionLabel(contest, id)}</th>${cells.join('')}</tr>`;
  });
  const exhausted = `<tr><th scope="row">Exhausted</th>${rounds.map((r) => `<td class="n">${esc(r.exhausted)}</td>`).join('')}</tr>`;
  return `<h4>Rounds</h4><table class="rounds"><thead><tr><th></th>${head}</tr></thead><tbody>${rows.join('')}${exhausted}</tbody></table>`;
}

function resultBlock(contest: Contest | undefined, result: ContestResult | undefined): string {
  if (!result) return '<p class="muted">No result was announced for this contest.</p>';
  const winners = result.winners.map((w) => `<li>${optionLabel(contest, w)}${result.seatsByOption ? ` — ${esc(result.seatsByOption[w] ?? 0)} seat(s)` : ''}</li>`).join('');
  const passed = result.passed === null ? '' : `<p class="verdict">${result.passed ? 'Passed' : 'Not passed'}</p>`;
  const quota = result.quota === null ? '' : ` · quota ${esc(Number.isInteger(result.quota) ? result.quota : result.quota.toFixed(2))}`;
  return `<h3>Result</h3>
<p>Method: ${esc(METHOD_NAMES[result.method] ?? result.method)} · seats: ${esc(result.seats)} · valid ballots ${esc(result.validBallots)} · invalid ${esc(result.invalidBallots)}${quota}</p>
${winners ? `<p>${result.seatsByOption ? 'Seats won' : 'Elected'}:</p><ul class="winners">${winners}</ul>` : '<p>Nobody was elected.</p>'}
${passed}${roundsTable(contest, result)}`;
}

/** The printable count sheet and result of an announced round (A4, self-contained). */
export function countSheetHtml(doc: CountSheetDoc): string {
  const { archive } = doc;
  const contest = (id: string) => doc.contests.find((c) => c.id === id);
  const sections = archive.sheets.map((sheet) => {
    const c = contest(sheet.contestId);
    const district = c?.district ? ` · ${bdi(en(c.district))}` : '';
    return `<section class="contest"><h2>${c ? both(c.title) : bdi(sheet.contestId)}${district}</h2>
<h3>Count sheet</h3>${sheetTable(c, sheet)}
${resultBlock(c, archive.results.find((r) => r.contestId === sheet.contestId))}</section>`;
  });
  const title = `${en(archive.electionTitle)} — ${archive.roundLabel}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(`Count sheet: ${title}`)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>
@page { size: A4; margin: 14mm 14mm 16mm; }
body { font-family: "Noto Sans", "Noto Sans KR", "Noto Sans Arabic", "Noto Sans Thai", "Noto Sans SC", sans-serif; font-size: 9.5pt; color: #111; }
p { margin: 1mm 0; }
h1 { font-size: 16pt; margin: 0 0 1mm; } h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 0.6pt solid #333; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; } h4 { font-size: 10pt; margin: 3mm 0 1mm; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.6mm 4mm; margin: 2mm 0 3mm; }
.meta dt { color: #555; } .meta dd { margin: 0; }
.fingerprint { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; word-spacing: 1mm; }
table { border-collapse: collapse; } th, td { border: 0.3pt solid #999; padding: 0.8mm 2mm; text-align: start; vertical-align: top; }
table.sheet { min-width: 60%; } td.n { text-align: end; font-variant-numeric: tabular-nums; }
tr.group th { background: #eee; } tr.total th, tr.total td { font-weight: bold; } tr.vote th { font-weight: normal; padding-inline-start: 6mm; }
.own { color: #444; } .party { color: #555; }
.reconciled { border: 0.8pt solid #1b7f3b; color: #12532a; padding: 2mm; margin: 2mm 0; }
.alarm { border: 1.6pt solid #b00020; background: #fde7ea; color: #8a0018; padding: 2mm; margin: 2mm 0; font-weight: bold; }
.contest { break-inside: avoid-page; } .verdict { font-weight: bold; } .muted { color: #666; }
.signoff { margin-top: 6mm; break-inside: avoid; } .signoff p { margin: 0 0 2mm; }
.signatures { display: flex; gap: 12mm; margin-top: 8mm; } .signatures p { color: #555; font-size: 9pt; }
.line { display: block; width: 70mm; border-bottom: 0.6pt solid #333; height: 10mm; margin-bottom: 1mm; }
ul.winners { list-style: none; padding: 0; margin: 0 0 2mm; font-weight: bold; }
footer { margin-top: 6mm; color: #666; font-size: 8pt; }
</style></head><body>
<h1>Count sheet and result</h1>
<dl class="meta">
<dt>Event</dt><dd>${bdi(doc.eventName)}</dd>
<dt>Election</dt><dd>${both(archive.electionTitle)}</dd>
<dt>Round</dt><dd>${bdi(archive.roundLabel)}</dd>
<dt>Count started</dt><dd>${esc(doc.startedAt)}</dd>
<dt>Signed</dt><dd>${esc(doc.signedAt)}</dd>
<dt>Announced</dt><dd>${esc(doc.announcedAt)}</dd>
<dt>Election fingerprint (SHA-256)</dt><dd class="fingerprint">${esc(grouped(archive.fingerprint))}</dd>
</dl>
${sections.join('\n')}
<section class="signoff"><h2>Sign-off</h2>
<p>Counted and signed by ${bdi(archive.signedBy)} at ${esc(doc.signedAt)}.</p>
<div class="signatures"><p><span class="line"></span>Signature of the presenter</p><p><span class="line"></span>Signature of a witness</p></div></section>
<footer>Generated ${esc(doc.generatedAt)} by Delegate Desk. A mock election for demonstration: not an official result.</footer>
</body></html>`;
}
