import type { Purpose } from '../privacy/privacy.vocabulary.js';

export interface ProcessingPurposeRule {
  purpose: Purpose;
  basis: string;
  consent: 'TOUR_BOOKING' | 'COMMUNICATION' | 'ANALYTICS' | null;
  description: string;
}

/** DESIGN.md "Purposes": why data is processed and on which basis; shown to the person in the privacy report (user right 1). */
export const PROCESSING_PURPOSES: readonly ProcessingPurposeRule[] = Object.freeze([
  { purpose: 'ACCOUNT', basis: 'CONTRACT', consent: null, description: 'Registration, identification and actions the user starts' },
  { purpose: 'TOUR_BOOKING', basis: 'CONSENT', consent: 'TOUR_BOOKING', description: 'Sharing data with the partner whose tour is booked' },
  { purpose: 'PAYMENT', basis: 'CONTRACT', consent: null, description: 'Payments through providers and banks' },
  { purpose: 'SUPPORT', basis: 'CONTRACT', consent: null, description: 'Technical support, with a ticket reference' },
  { purpose: 'COMMUNICATION', basis: 'CONSENT', consent: 'COMMUNICATION', description: 'Contacting the user' },
  { purpose: 'MODERATION', basis: 'CONTRACT', consent: null, description: 'Moderating publications and enforcing the terms' },
  { purpose: 'FRAUD_PREVENTION', basis: 'LAW', consent: null, description: 'Detecting and investigating fraud, with a case reference' },
  { purpose: 'ANALYTICS', basis: 'OPT_OUT', consent: 'ANALYTICS', description: 'Analytics on depersonalised data' },
  { purpose: 'LEGAL_OBLIGATION', basis: 'LAW', consent: null, description: 'Formal requests of public authorities, approved by two administrators' },
  { purpose: 'AUDIT', basis: 'LAW', consent: null, description: 'Professional advisers: lawyers and auditors' },
]);

/** Where the database and its backups are (policy §9). */
export const STORAGE_LOCATION = Object.freeze({ country: 'KZ', description: 'Servers and backups in the Republic of Kazakhstan' });
