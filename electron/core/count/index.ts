/**
 * The count of a closed round, as the Korean counting floor runs it: the sorting machine, the
 * re-check tray judged by the presenter, bundles of 100, the count sheet reconciled with the
 * polling record, the sign-off, the announced result (the tally engine), the archive and reports.
 */
export { startCount, countView, controlShow, judgePaper, signOff, announce } from './count_session';
export { recount, loadBallots, listCounts, countArchive, type WhatIf } from './count_extras';
export { buildCountReport, countCsv, csvCell, type CountReportFile, type PdfPrinter } from './count_report';
export { countSheetHtml, escapeHtml, type CountSheetDoc } from './count_sheet_html';
export { sortPaper, verdictProblem, countedMarks } from './sorting';
export { buildSheet, bundlesOf } from './count_sheet';
export { specForContest } from './contest_tally';
export { applyControl, initialShow, sortPosition, BALLOTS_PER_SECOND } from './show_state';
