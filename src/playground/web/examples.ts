/** Example operations per principal kind: each reaches people through the edges that kind meets. */
export interface Example {
  label: string;
  query: string;
}

const PARTNER_BOOKINGS = `# The partner's bookings: travellers of its own active bookings in full (with travelers:read and the traveller's consent),
# the rest withheld with the reason.
query PartnerBookings {
  partnerBookings(first: 30) {
    nodes {
      status
      traveller { id fullName iin phone passportNumber }
      tour { title startsOn }
    }
  }
}`;

const TOURS = `# Public tour listings: review authors show only their public display name.
query Tours {
  tours(first: 5) {
    nodes {
      title
      region
      partner { name }
      reviews(first: 3) { rating author { id fullName phone iin } }
    }
  }
}`;

const PROVIDER_PAYMENTS = `# The provider's payments: the payer in full while the payment is pending and 30 days after its outcome.
query ProviderPayments {
  providerPayments(first: 20) {
    nodes {
      id
      status
      amountKzt
      payer { id fullName email phone iin }
    }
  }
}`;

const ME = `# The traveller's own account: everything in full, nothing logged as a disclosure.
query Me {
  me {
    profile { id fullName phone email iin passportNumber gender }
    consents { purpose granted policyVersion }
    bookings(first: 5) { nodes { booking { id status tour { title } } } }
  }
}`;

const SUPPORT_QUEUE = `# Set the purpose SUPPORT and the ticket reference (e.g. SUP-1001): that ticket's user in full, the others masked.
query SupportQueue {
  supportQueue(first: 10, mine: true) {
    nodes { reference status user { id fullName phone email iin passportNumber } }
  }
}`;

const FRAUD_CASES = `# Set the purpose FRAUD_PREVENTION and the case reference (e.g. FC-2026-000101): its subjects in full.
query FraudCases {
  fraudCases(first: 10) {
    nodes { reference status subjects { id fullName phone email iin passportNumber } }
  }
}`;

const AUTHORITY = `# Set the purpose LEGAL_OBLIGATION and the request's case number (e.g. AR-2026-0001): the kinds it names, in full.
query AuthorityRequests {
  myAuthorityRequests(first: 10) {
    caseNumber
    kinds
    status
    subject { id fullName phone email iin passportNumber }
  }
}`;

const MODERATION = `# Moderators: authors and reported people as a staff lookup (names in full, the rest masked).
query ModerationQueue {
  moderationQueue(first: 10) {
    nodes { reason review { rating text author { id fullName phone email iin } } }
  }
}`;

const DISCLOSURE_LOG = `# Auditors: the disclosure log, people only as keyed pseudonyms.
query DisclosureLog {
  disclosureLog(first: 20) {
    nodes { at recipient { kind partner { name } } recipientId kinds purpose reference edge referenceKind subject requestId }
  }
}`;

export const EXAMPLES: Readonly<Record<string, readonly Example[]>> = {
  ANONYMOUS: [{ label: 'Tours and review authors', query: TOURS }],
  USER: [
    { label: 'My account', query: ME },
    { label: 'Tours and review authors', query: TOURS },
  ],
  PARTNER: [
    { label: 'Bookings of my tours', query: PARTNER_BOOKINGS },
    { label: 'Tours and review authors', query: TOURS },
  ],
  PAYMENT_PROVIDER: [{ label: 'Payments I process', query: PROVIDER_PAYMENTS }],
  SUPPORT: [{ label: 'Support queue', query: SUPPORT_QUEUE }],
  MODERATOR: [{ label: 'Moderation queue', query: MODERATION }],
  ADMIN: [{ label: 'Fraud cases', query: FRAUD_CASES }],
  ANALYST: [{ label: 'Tours and review authors', query: TOURS }],
  AUDITOR: [{ label: 'Disclosure log', query: DISCLOSURE_LOG }],
  AUTHORITY: [{ label: 'Requests addressed to me', query: AUTHORITY }],
};
