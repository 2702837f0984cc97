export { OverviewPage } from './overview_page';
