export { KioskScreen } from './kiosk_screen';
