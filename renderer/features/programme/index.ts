export { ProgrammePage } from './programme_page';
