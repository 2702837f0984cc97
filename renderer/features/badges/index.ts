export { BadgesPage } from './badges_page';
