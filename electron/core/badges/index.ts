/** Badges: signed credentials, the badge design, and batches printed through Chromium. */
export { badgeKeysFor, loadBadgeKeys, type BadgeKeys } from './badge_keys';
export { buildBadgeItems, formatPrintTime, verifyBadge } from './badge_credentials';
export {
  getBadgeDesign,
  listBadgeStatus,
  recordBadgeIssues,
  saveBadgeDesign,
  selectBadgeRows,
  type BadgeRow,
} from './badge_store';
export { printPagePath, type BadgePage, type BadgeRenderer, type BadgeRendererAvailability } from './badge_renderer';
export { BadgePrintJobs, type PrintJobRequest } from './print_jobs';
export { chromiumCandidates, createChromiumBadgeRenderer, findChromium } from './chromium_renderer';
export { badgeBatchFileName } from './batch_naming';
