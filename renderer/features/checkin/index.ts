export { CheckinPage } from './checkin_page';
