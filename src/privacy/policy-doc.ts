import { MASK_EXAMPLES, maskValue } from './privacy.masks.js';
import { ACCESS_WINDOWS, CROSS_BORDER, PRIVACY_POLICY } from './privacy.policy.js';
import type { PolicyRule } from './privacy.policy.js';
import { PRINCIPAL_KINDS } from './privacy.vocabulary.js';
import type { Edge, PiiKind } from './privacy.vocabulary.js';

const DASH = '—';

// Where each edge is in the schema; a test checks that every edge of the vocabulary is listed.
export const EDGE_DOC: readonly (readonly [Edge, string, string])[] = [
  ['PROFILE_SELF', '`me { profile }`, `updateProfile`', 'SELF'],
  ['BOOKING_TRAVELLER', '`Booking.traveller`', "PARTNER_TRAVELLER: the booking is of the caller's own tour, active (not cancelled or expired) and inside its stored window"],
  ['PAYMENT_PAYER', '`Payment.payer`', 'PAYMENT_PAYER: the caller processes the payment, pending or within the window after its outcome'],
  ['TICKET_SUBJECT', "`person(id)` under a declared ticket reference naming the person; a ticket's user", 'TICKET_SUBJECT: the ticket is open and assigned to the caller'],
  [
    'FRAUD_CASE_SUBJECT',
    "`person(id)` under a declared case reference naming the person; a case's subjects",
    'FRAUD_CASE_SUBJECT: the case is open, assigned to the caller and names the person',
  ],
  [
    'AUTHORITY_SUBJECT',
    "`person(id)` under a declared request reference naming the person; a request's subject",
    'AUTHORITY_SUBJECT: the request is approved, unexpired and addressed to the caller',
  ],
  ['STAFF_LOOKUP', '`person(id)` otherwise, the moderation queue, complaints', 'none (staff masks only)'],
  ['REVIEW_AUTHOR', '`Review.author`', 'none (public; the id is a handle per review)'],
  ['PUBLIC', 'any field not listed here', 'none (public)'],
];

function kinds(list: readonly PiiKind[] | 'REQUESTED'): string {
  if (list === 'REQUESTED') return 'the kinds the request names';
  return list.length === 0 ? DASH : list.join(', ');
}

function requirements(rule: PolicyRule): string {
  const { scope, reference, consent } = rule.requires;
  const parts = [scope ? `scope \`${scope}\`` : '', reference ? 'a ticket, case or request reference' : '', consent ? `consent ${consent} active` : ''].filter((p) => p !== '');
  return parts.length === 0 ? DASH : parts.join('; ');
}

function anyOr(list: readonly string[] | 'ANY', any: string): string {
  return list === 'ANY' ? any : list.join(', ');
}

function principalSection(principal: string, rules: readonly PolicyRule[]): string[] {
  const rows = rules.map(
    (r) =>
      `| ${anyOr(r.purposes, 'any (or none)')} | ${anyOr(r.edges, 'any')} | ${anyOr(r.relations, 'any')} | ${requirements(r)} | ${kinds(r.full)} | ${kinds(r.partial)} | ${kinds(r.pseudonym)} | ${r.note} |`,
  );
  return [
    `### ${principal}`,
    '',
    '| purposes | reached through (edge) | relation | requires | FULL | PARTIAL | PSEUDONYM | note |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ];
}

function show(value: string | null): string {
  return value === null ? 'nothing (NONE)' : `\`${value}\``;
}

/** The policy as markdown, generated from PRIVACY_POLICY and the masks so the document cannot drift from the code. */
export function renderPolicyDoc(): string {
  const lines = [
    '# Privacy policy: who sees what',
    '',
    'Generated from `src/privacy/privacy.policy.ts` by `renderPolicyDoc()` in `src/privacy/policy-doc.ts`; do not edit by hand.',
    '',
    'A relation belongs to the edge through which a person is reached, not to the person: the same traveller is FULL for a partner',
    "as the traveller of that partner's active booking, and public as the author of a review. Per field and row, every rule of the",
    "caller's kind whose purpose, scope, reference, edge, relation and consent requirements all hold is considered and the most",
    'permissive exposure for the kind wins (FULL > PARTIAL > PSEUDONYM > NONE). A kind no matching rule lists is NONE.',
    'When the result is not FULL, the reason is the first unmet check (purpose, scope, reference, edge as NOT_VIA_<edge>, relation,',
    'consent, cross-border consent, request) of the rule that would show more and got furthest, or POLICY when none would;',
    "INCIDENT_HOLD when a rule would show it in FULL but the recipient's releases are held.",
    '',
    '## Edges',
    '',
    '| edge | reached through | the relation it can establish |',
    '|---|---|---|',
    ...EDGE_DOC.map(([edge, field, relation]) => `| ${edge} | ${field} | ${relation} |`),
    '',
    '## Windows and transfers',
    '',
    `- A booking stores its access window when it is made: the tour's end then + ${ACCESS_WINDOWS.bookingDaysAfterTourEnd} days. A partner moving the tour's dates later never moves it; only the traveller accepting the new dates moves it to the new end + ${ACCESS_WINDOWS.bookingDaysAfterTourEnd} days.`,
    `- A payment's provider sees the payer while the payment is pending and ${ACCESS_WINDOWS.paymentDaysAfterOutcome} days after its recorded outcome.`,
    `- A recipient company outside ${CROSS_BORDER.home} gets FULL values only while the person's ${CROSS_BORDER.consent} consent is active, whatever else allows it.`,
    '- References (support ticket, fraud case, authority request) count only when the record exists, is open (approved and unexpired),',
    '  and is assigned or addressed to the calling account; a made-up reference gives what no reference gives.',
    '- A recipient account (API client or staff member) whose FULL releases an open privacy incident holds gets, for every kind the',
    '  rules would show in FULL, the best they show short of FULL, with the reason INCIDENT_HOLD, until an administrator clears the hold.',
    '',
    '## Rules by principal',
    '',
    ...PRINCIPAL_KINDS.flatMap((p) => {
      const rules = PRIVACY_POLICY.filter((r) => r.principal === p);
      return rules.length === 0 ? [] : principalSection(p, rules);
    }),
    '## PARTIAL masks',
    '',
    '| kind | example | PARTIAL shows |',
    '|---|---|---|',
    ...MASK_EXAMPLES.map(({ kind, input }) => `| ${kind} | \`${input}\` | ${show(maskValue(kind, input))} |`),
    '',
    'PSEUDONYM is `ps_` + base64url HMAC-SHA256 under a secret key, separated by kind: stable per key, useless without it.',
    '',
  ];
  return lines.join('\n');
}
