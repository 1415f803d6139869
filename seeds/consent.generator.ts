import type { ConsentPurpose } from '../src/privacy/privacy.vocabulary.js';
import { AS_OF, addMinutes } from './calendar.js';
import type { ConsentEventRow, ConsentRow, PlainUserRow } from './demo.types.js';
import type { Random } from './random.js';

export interface ConsentData {
  consents: ConsentRow[];
  consentEvents: ConsentEventRow[];
}

/** How likely a traveller grants a purpose at sign-up, and how likely they withdraw it later. */
const ODDS: Record<ConsentPurpose, { grant: number; withdraw: number }> = {
  TOUR_BOOKING: { grant: 0.8, withdraw: 0 },
  ANALYTICS: { grant: 0.95, withdraw: 0.1 },
  COMMUNICATION: { grant: 0.4, withdraw: 0.08 },
  CROSS_BORDER_TRANSFER: { grant: 0.05, withdraw: 0 },
};

function between(rnd: Random, lo: Date, hi: Date): Date {
  return new Date(lo.getTime() + Math.floor(rnd.next() * (hi.getTime() - lo.getTime())));
}

export interface ConsentProfile {
  hasBookings: boolean;
  booksAbroad: boolean;
  wellKnown: boolean;
}

// Travellers of a partner abroad are asked about cross-border transfer when they book: about half agree.
const ABROAD_GRANT = 0.5;

/** Travellers with bookings always hold TOUR_BOOKING (partners may see them only then); the well-known ones hold all but cross-border. */
export function consentsFor(rnd: Random, user: PlainUserRow, policyVersionId: string, { hasBookings, booksAbroad, wellKnown }: ConsentProfile, out: ConsentData): void {
  const signedUp = new Date(user.created_at);
  const event = (purpose: ConsentPurpose | null, action: ConsentEventRow['action'], at: Date) =>
    out.consentEvents.push({ id: rnd.uuid(), user_id: user.id, purpose, action, policy_version_id: policyVersionId, at: at.toISOString() });
  event(null, 'POLICY_ACCEPTED', signedUp);
  for (const [purpose, odds] of Object.entries(ODDS) as [ConsentPurpose, (typeof ODDS)[ConsentPurpose]][]) {
    const chance = purpose === 'CROSS_BORDER_TRANSFER' && booksAbroad ? ABROAD_GRANT : odds.grant;
    const granted = wellKnown ? purpose !== 'CROSS_BORDER_TRANSFER' : (purpose === 'TOUR_BOOKING' && hasBookings) || rnd.chance(chance);
    if (!granted) continue;
    const grantedAt = addMinutes(signedUp, rnd.int(1, 3));
    event(purpose, 'GRANTED', grantedAt);
    const withdrawn = !wellKnown && rnd.chance(odds.withdraw);
    const withdrawnAt = withdrawn ? between(rnd, grantedAt, AS_OF) : grantedAt;
    if (withdrawn) event(purpose, 'WITHDRAWN', withdrawnAt);
    out.consents.push({ id: rnd.uuid(), user_id: user.id, purpose, granted: !withdrawn, policy_version_id: policyVersionId, updated_at: withdrawnAt.toISOString() });
  }
}
