export { ParticipantsPage } from './participants_page';
