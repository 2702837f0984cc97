export { BoothScreen } from './booth_screen';
export { PaperBallot } from './paper_ballot';
export { BOOTH_LANGUAGES } from './booth_i18n';
