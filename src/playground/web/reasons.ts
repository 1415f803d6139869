/** What each reason the gateway gives in extensions.privacy.withheld means, in a sentence for the page. */
export const REASONS: Readonly<Record<string, string>> = {
  PURPOSE_NOT_ALLOWED: 'the declared purpose does not allow this',
  SCOPE_MISSING: 'the client lacks the scope this needs (travelers:read for partners)',
  REFERENCE_MISSING: 'the purpose needs a ticket, case or request reference (X-Purpose-Ref)',
  NOT_VIA_PROFILE: 'only the person sees this, through their own profile',
  NOT_VIA_BOOKING: 'shown in full only as the traveller of the partner’s own booking',
  NOT_VIA_PAYMENT: 'shown in full only as the payer of a payment this provider processes',
  NOT_VIA_TICKET: 'shown in full only as the user of the declared support ticket',
  NOT_VIA_FRAUD_CASE: 'shown in full only as a subject of the declared fraud case',
  NOT_VIA_AUTHORITY_REQUEST: 'shown in full only as the subject of the declared authority request',
  NOT_VIA_STAFF_LOOKUP: 'not reachable as a staff lookup',
  NOT_RELATED: 'the stored facts give no relation here (another partner’s booking, a cancelled or expired one, a closed window or record)',
  NO_CONSENT: 'the person has not consented to this purpose',
  NO_CROSS_BORDER_CONSENT: 'the recipient is abroad and the person has not consented to cross-border transfer',
  NOT_IN_REQUEST: 'the authority request does not name this kind of data',
  POLICY: 'no rule of the policy shows more to this caller',
};

export const EXPOSURE_LABEL: Readonly<Record<string, string>> = { PARTIAL: 'masked', PSEUDONYM: 'pseudonym', NONE: 'withheld' };

/** The marked style of a cell: in full (green), masked (amber), withheld (red). */
export const exposureClass = (exposure: string): string => (exposure === 'FULL' ? 'full' : exposure === 'NONE' ? 'withheld' : 'masked');
