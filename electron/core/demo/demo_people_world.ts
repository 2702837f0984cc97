/** Demo delegations from the Middle East, Africa and Latin America. Every person is made up. */
import { person, type DemoDelegation } from './demo_people';

const JO = 'Independent Election Commission of Jordan';
const TN = 'Independent High Authority for Elections of Tunisia';
const KE = 'Independent Electoral and Boundaries Commission of Kenya';
const SN = 'Senegalese Civic Observation Network';
const BR = 'Superior Electoral Court of Brazil';
const MX = 'National Electoral Institute of Mexico';

/** Delegations from Jordan, Tunisia, Kenya, Senegal, Brazil and Mexico. */
export const DEMO_DELEGATIONS_WORLD: readonly DemoDelegation[] = [
  {
    name: 'Jordan', country: 'JO', head: 'Omar Al-Khatib',
    members: [
      person({ title: 'Dr', familyName: 'Al-Khatib', givenName: 'Omar', nativeName: 'عمر الخطيب', nativeNameLang: 'ar',
        displayName: 'Omar Al-Khatib', organisation: JO, position: 'Member of the Board of Commissioners', country: 'JO',
        categoryCode: 'delegate', languages: ['ar', 'en'], email: 'omar.alkhatib@example.org',
        phone: '+962 79 555 3102', protocolOrder: 1, notes: 'Halal meals' }),
      person({ title: 'Ms', familyName: 'Haddad', givenName: 'Rania', nativeName: 'رانيا حداد', nativeNameLang: 'ar',
        displayName: 'Rania Haddad', organisation: JO, position: 'Director, International Cooperation', country: 'JO',
        categoryCode: 'delegate', languages: ['ar', 'en', 'fr'], email: 'rania.haddad@example.org',
        phone: '+962 77 555 8416', protocolOrder: 2 }),
      person({ title: 'Mr', familyName: 'Obeidat', givenName: 'Yazan', nativeName: 'يزن عبيدات', nativeNameLang: 'ar',
        displayName: 'Yazan Obeidat', organisation: JO, position: 'Voter Education Officer', country: 'JO',
        categoryCode: 'delegate', languages: ['ar', 'en'], email: 'yazan.obeidat@example.org',
        phone: '+962 78 555 2670', protocolOrder: 3 }),
    ],
  },
  {
    name: 'Tunisia', country: 'TN', head: 'Mohamed Ben Salah',
    members: [
      person({ title: 'Mr', familyName: 'Ben Salah', givenName: 'Mohamed', nativeName: 'محمد بن صالح', nativeNameLang: 'ar',
        displayName: 'Mohamed Ben Salah', organisation: TN, position: 'Member of the Board', country: 'TN',
        categoryCode: 'delegate', languages: ['ar', 'fr'], email: 'mohamed.bensalah@example.org',
        phone: '+216 98 555 214', protocolOrder: 1, notes: 'Needs French interpretation' }),
      person({ title: 'Ms', familyName: 'Trabelsi', givenName: 'Amira', nativeName: 'أميرة الطرابلسي', nativeNameLang: 'ar',
        displayName: 'Amira Trabelsi', organisation: TN, position: 'Head, Electoral Operations', country: 'TN',
        categoryCode: 'delegate', languages: ['ar', 'fr', 'en'], email: 'amira.trabelsi@example.org',
        phone: '+216 22 555 807', protocolOrder: 2 }),
      person({ title: 'Mr', familyName: 'Gharbi', givenName: 'Hichem', nativeName: 'هشام الغربي', nativeNameLang: 'ar',
        displayName: 'Hichem Gharbi', organisation: TN, position: 'Regional Coordinator, Sfax', country: 'TN',
        categoryCode: 'delegate', languages: ['ar', 'fr'], email: 'hichem.gharbi@example.org',
        phone: '+216 55 555 391', protocolOrder: 3, notes: 'Needs French interpretation' }),
    ],
  },
  {
    name: 'Kenya', country: 'KE', head: 'Grace Wanjiru Mwangi',
    members: [
      person({ title: 'Ms', familyName: 'Mwangi', givenName: 'Grace Wanjiru',
        nativeName: 'Grace Wanjiru Mwangi', nativeNameLang: null,
        displayName: 'Grace Wanjiru Mwangi', organisation: KE, position: 'Commissioner', country: 'KE',
        categoryCode: 'delegate', languages: ['en', 'sw'], email: 'grace.mwangi@example.org',
        phone: '+254 722 555 418', protocolOrder: 1 }),
      person({ title: 'Mr', familyName: 'Ouma', givenName: 'Brian Otieno', nativeName: 'Brian Otieno Ouma', nativeNameLang: null,
        displayName: 'Brian Otieno Ouma', organisation: KE, position: 'Manager, Voter Registration', country: 'KE',
        categoryCode: 'delegate', languages: ['en', 'sw'], email: 'brian.ouma@example.org',
        phone: '+254 733 555 062', protocolOrder: 2 }),
    ],
  },
  {
    name: 'Senegal', country: 'SN', head: 'Ousmane Faye',
    members: [
      person({ title: 'Mr', familyName: 'Faye', givenName: 'Ousmane', nativeName: 'Ousmane Faye', nativeNameLang: null,
        displayName: 'Ousmane Faye', organisation: SN, position: 'Coordinator', country: 'SN',
        categoryCode: 'observer', languages: ['fr', 'wo'], email: 'ousmane.faye@example.org',
        phone: '+221 77 555 40 12', protocolOrder: 1, notes: 'Needs French interpretation' }),
      person({ title: 'Ms', familyName: 'Sarr', givenName: 'Aissatou', nativeName: 'Aïssatou Sarr', nativeNameLang: 'fr',
        displayName: 'Aïssatou Sarr', organisation: SN, position: 'Observer', country: 'SN',
        categoryCode: 'observer', languages: ['fr', 'wo', 'en'], email: 'aissatou.sarr@example.org',
        phone: '+221 76 555 21 87', protocolOrder: 2 }),
    ],
  },
  {
    name: 'Brazil', country: 'BR', head: 'Maria Eduarda Cavalcanti de Albuquerque Nogueira',
    members: [
      // The longest name in the demo, so that badges and lists have to fit it.
      person({ title: 'Dr', familyName: 'Cavalcanti de Albuquerque Nogueira', givenName: 'Maria Eduarda',
        nativeName: 'Maria Eduarda Cavalcanti de Albuquerque Nogueira', nativeNameLang: null,
        displayName: 'Maria Eduarda Cavalcanti de Albuquerque Nogueira', organisation: BR, position: 'Electoral Judge',
        country: 'BR', categoryCode: 'delegate', languages: ['pt', 'en', 'es'], email: 'mariaeduarda.nogueira@example.org',
        phone: '+55 61 95555-2841', protocolOrder: 1 }),
      person({ title: 'Mr', familyName: 'Araujo Lima', givenName: 'Joao Pedro',
        nativeName: 'João Pedro Araújo Lima', nativeNameLang: 'pt',
        displayName: 'João Pedro Araújo Lima', organisation: BR, position: 'Secretary of Information Technology', country: 'BR',
        categoryCode: 'delegate', languages: ['pt', 'en'], email: 'joaopedro.lima@example.org',
        phone: '+55 61 95555-7302', protocolOrder: 2 }),
      person({ title: 'Mr', familyName: 'Monteiro', givenName: 'Rafael', nativeName: 'Rafael Monteiro', nativeNameLang: null,
        displayName: 'Rafael Monteiro', organisation: BR, position: 'Adviser, International Affairs', country: 'BR',
        categoryCode: 'delegate', languages: ['pt', 'en', 'es'], email: 'rafael.monteiro@example.org',
        phone: '+55 61 95555-0619', protocolOrder: 3 }),
    ],
  },
  {
    name: 'Mexico', country: 'MX', head: 'José Luis Hernández Castañeda',
    members: [
      person({ title: 'Mr', familyName: 'Hernandez Castaneda', givenName: 'Jose Luis',
        nativeName: 'José Luis Hernández Castañeda', nativeNameLang: 'es',
        displayName: 'José Luis Hernández Castañeda', organisation: MX, position: 'Electoral Councillor', country: 'MX',
        categoryCode: 'delegate', languages: ['es', 'en'], email: 'joseluis.hernandez@example.org',
        phone: '+52 55 5555 3120', protocolOrder: 1 }),
      person({ title: 'Ms', familyName: 'Gutierrez de la Pena', givenName: 'Maria Fernanda',
        nativeName: 'María Fernanda Gutiérrez de la Peña', nativeNameLang: 'es',
        displayName: 'María Fernanda Gutiérrez de la Peña', organisation: MX,
        position: 'Director, Electoral Training and Civic Education', country: 'MX',
        categoryCode: 'delegate', languages: ['es', 'en', 'fr'], email: 'mariafernanda.gutierrez@example.org',
        phone: '+52 55 5555 8471', protocolOrder: 2 }),
      person({ title: 'Ms', familyName: 'Ruiz Ortega', givenName: 'Ximena',
        nativeName: 'Ximena Ruiz Ortega', nativeNameLang: null,
        displayName: 'Ximena Ruiz Ortega', organisation: MX, position: 'Specialist, Voter Registry', country: 'MX',
        categoryCode: 'delegate', languages: ['es', 'en'], email: 'ximena.ruiz@example.org',
        phone: '+52 55 5555 6093', protocolOrder: 3, notes: 'Arrives 1 December at 09:00 straight from the airport.' }),
    ],
  },
];
