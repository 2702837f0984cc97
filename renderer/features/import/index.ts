export { ImportPage } from './import_page';
