export { ExperiencePage } from './experience_page';
