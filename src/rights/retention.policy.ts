/** How long each category of data is kept, and why; the privacy report shows this table as it is (user right 3). */
export interface RetentionRule {
  category: string;
  fields: readonly string[];
  period: string;
  basis: string;
}

// The table below states this period and the purge job enforces it, so the two cannot drift.
export const DISCLOSURE_LOG_YEARS = 3;
// Login codes hold only a phone hash, and nothing reads one a day after it was used or expired.
export const SPENT_LOGIN_CODE_DAYS = 1;
export const TRANSACTION_HOLD_YEARS = 5;
export const SESSION_RECORD_YEARS = 5;
export const TRANSACTION_HOLD_REASON = `Transactions kept under the Tax Code of the Republic of Kazakhstan (${TRANSACTION_HOLD_YEARS} years)`;

export const RETENTION_POLICY: readonly RetentionRule[] = Object.freeze([
  {
    category: 'ACCOUNT',
    fields: ['phone', 'surname', 'firstName', 'patronymic', 'gender', 'email', 'messengers'],
    period: 'Until the account is deleted',
    basis: 'Contract (policy §4, §12)',
  },
  { category: 'IDENTITY_DOCUMENTS', fields: ['iin', 'passportNumber'], period: 'Until the account is deleted', basis: 'Contract; restricted-access data (Law 94-V)' },
  {
    category: 'CONSENTS',
    fields: ['consents', 'consentEvents'],
    period: 'Until the account is deleted; the proof of each decision is kept without personal values',
    basis: 'Proof of consent (Law 94-V art. 8)',
  },
  { category: 'PUBLICATIONS', fields: ['reviews'], period: "Until the account is deleted; afterwards shown without the author's name", basis: 'Contract (policy §6)' },
  {
    category: 'TRANSACTIONS',
    fields: ['bookings', 'payments'],
    period: `${TRANSACTION_HOLD_YEARS} years from the transaction, kept pseudonymised after deletion`,
    basis: 'Tax Code of the Republic of Kazakhstan: accounting records',
  },
  { category: 'DISCLOSURE_LOG', fields: ['disclosures'], period: `${DISCLOSURE_LOG_YEARS} years`, basis: 'Accountability for disclosures (policy §8)' },
  {
    category: 'COMPLAINTS_AND_REPORTS',
    fields: ['complaints', 'contentReports'],
    period: 'Until the account is deleted; then depersonalised',
    basis: "Handling the user's claims (policy §4)",
  },
  {
    category: 'FRAUD_AND_SECURITY',
    fields: ['sessions'],
    period: `${SESSION_RECORD_YEARS} years after the session ended, kept pseudonymised after deletion`,
    basis: 'Fraud prevention and legal obligations (policy §9)',
  },
]);
