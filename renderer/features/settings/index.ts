export { SettingsPage } from './settings_page';
