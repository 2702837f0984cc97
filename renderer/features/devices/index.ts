export { DevicesPage } from './devices_page';
