export { ResultsPage } from './results_page';
