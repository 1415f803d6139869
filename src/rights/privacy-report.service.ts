import type { Sql } from '../db/sql.js';
import { statement } from '../db/statement.js';
import type { PiiVault } from '../privacy/pii-vault.js';
import { openPersonalData, type PersonalData } from '../users/personal-data.codec.js';
import type { Disclosure } from '../audit/disclosure.type.js';
import { SUBJECT_VIEW, type DisclosureRow } from '../audit/disclosure.service.js';
import { consentsOf } from '../consent/consent.service.js';
import { ConsentPurpose } from '../consent/consent.type.js';
import { PROCESSING_PURPOSES, STORAGE_LOCATION } from '../consent/processing-purposes.policy.js';
import type { CrossBorderTransfer, DataRecipient, HeldDataCategory, PrivacyReport } from './privacy-report.type.js';
import { RETENTION_POLICY } from './retention.policy.js';

const REPORT_DISCLOSURES = 100;

interface Holdings {
  fields: string[];
  counts: Record<string, number>;
}
interface HoldingsRow {
  gender: string | null;
  piiEnc: string | null;
  wrappedKey: string | null;
  counts: Record<string, number>;
}

// The report's names for the sealed values (policy field names).
const FIELD_NAMES: Record<keyof PersonalData, string> = {
  phone: 'phone',
  surname: 'surname',
  firstName: 'firstName',
  patronymic: 'patronymic',
  email: 'email',
  messengers: 'messengers',
  iin: 'iin',
  passport: 'passportNumber',
};

const HOLDINGS = statement<HoldingsRow, [userId: string]>(
  'rights_holdings',
  `select u.gender, u.pii_enc as "piiEnc", k.wrapped_key as "wrappedKey",
    jsonb_build_object(
      'consents', (select count(*) from consents where user_id = u.id),
      'consentEvents', (select count(*) from consent_events where user_id = u.id),
      'reviews', (select count(*) from reviews where author_id = u.id),
      'bookings', (select count(*) from bookings where user_id = u.id),
      'payments', (select count(*) from payments p join bookings b on b.id = p.booking_id where b.user_id = u.id),
      'disclosures', (select count(*) from disclosures where subject_id = u.id),
      'complaints', (select count(*) from complaints where user_id = u.id),
      'contentReports', (select count(*) from content_reports where reporter_id = u.id),
      'sessions', (select count(*) from sessions where user_id = u.id)) as counts
    from users u left join keyring.user_keys k on k.user_id = u.id where u.id = $1`,
);

// Names of filled fields and record counts only: the report never carries the values themselves.
async function holdings(sql: Sql, vault: PiiVault, userId: string): Promise<Holdings> {
  const [row] = await sql.rows(HOLDINGS, userId);
  const data = openPersonalData(vault, userId, row.wrappedKey, row.piiEnc);
  const sealed = (Object.keys(FIELD_NAMES) as (keyof PersonalData)[]).filter((f) => data[f] !== null).map((f) => FIELD_NAMES[f]);
  return { fields: row.gender ? ['gender', ...sealed] : sealed, counts: row.counts };
}

function categories(h: Holdings): HeldDataCategory[] {
  return RETENTION_POLICY.map((r) => {
    const filled = r.fields.filter((f) => h.fields.includes(f) || (h.counts[f] ?? 0) > 0);
    const records = r.fields.reduce((n, f) => n + (h.counts[f] ?? 0), 0) || (filled.length > 0 ? 1 : 0);
    return { category: r.category, filled, records, retention: r.period, basis: r.basis };
  });
}

const RECIPIENTS = statement<DataRecipient, [userId: string]>(
  'rights_recipients',
  `select p.name, p.kind, p.city, p.country, array_agg(distinct r.reason order by r.reason) as reasons from (
      select t.partner_id::text as id, 'BOOKED_TOUR' as reason from bookings b join tours t on t.id = b.tour_id where b.user_id = $1
      union all select pay.provider_id::text, 'PAYMENT' from payments pay join bookings b on b.id = pay.booking_id where b.user_id = $1
      union all select id::text, 'PROCESSOR' from partners where kind = 'PROCESSOR'
      union all select d.recipient_partner_id, 'DISCLOSED' from disclosures d where d.subject_id = $1 and d.recipient_partner_id is not null
    ) r join partners p on p.id::text = r.id group by p.id, p.name, p.kind, p.city, p.country order by p.name`,
);

function recipients(sql: Sql, userId: string): Promise<DataRecipient[]> {
  return sql.rows(RECIPIENTS, userId);
}

// The subject's view of a log row: the audit's row without the recipient's own id, the cursor key and the subject.
type SubjectDisclosureRow = Pick<DisclosureRow, 'id' | 'recipientKind' | 'partnerId' | 'partnerName' | 'kinds' | 'purpose' | 'reference' | 'at' | 'withheld'>;

const LATEST_DISCLOSURES = statement<SubjectDisclosureRow, [userId: string, limit: number]>(
  'rights_disclosures',
  `select d.id, d.recipient_kind as "recipientKind", p.id as "partnerId", p.name as "partnerName",
      ${SUBJECT_VIEW.kinds} as kinds, d.purpose, ${SUBJECT_VIEW.reference} as reference, ${SUBJECT_VIEW.at} as at, ${SUBJECT_VIEW.withheld} as withheld
    from ${SUBJECT_VIEW.from} where d.subject_id = $1 order by d.at desc, d.id desc limit $2`,
);

async function latestDisclosures(sql: Sql, userId: string): Promise<Disclosure[]> {
  const rows = await sql.rows(LATEST_DISCLOSURES, userId, REPORT_DISCLOSURES);
  return rows.map((r) => ({
    id: r.id,
    recipient: { kind: r.recipientKind, partner: r.partnerId && r.partnerName ? { id: r.partnerId, name: r.partnerName } : null },
    kinds: r.kinds,
    purpose: r.purpose,
    reference: r.reference,
    at: r.at,
    withheld: r.withheld,
  }));
}

const TRANSFERS = statement<CrossBorderTransfer, [userId: string, homeCountry: string]>(
  'rights_transfers',
  `select coalesce(p.name, x.partner) as recipient, x.country, x.kinds, x.count, x."firstAt", x."lastAt" from (
      select d.recipient_partner_id as partner, d.recipient_country as country, array_agg(distinct k order by k) as kinds,
        count(distinct d.id)::int as count, min(d.at) as "firstAt", max(d.at) as "lastAt"
      from disclosures d cross join lateral unnest(d.kinds) k
      where d.subject_id = $1 and d.recipient_country is not null and d.recipient_country <> $2 group by 1, 2
    ) x left join partners p on p.id::text = x.partner order by x."firstAt"`,
);
const ACCEPTED_VERSIONS = statement<{ version: string }, [userId: string]>(
  'rights_accepted_versions',
  `select v.version
  from consent_events e join policy_versions v on v.id = e.policy_version_id
  where e.user_id = $1 and e.action = 'POLICY_ACCEPTED' group by v.version order by min(e.at)`,
);

/** Transfers abroad, as the disclosure log recorded them: one row per recipient company and country. */
function transfers(sql: Sql, userId: string): Promise<CrossBorderTransfer[]> {
  return sql.rows(TRANSFERS, userId, STORAGE_LOCATION.country);
}

async function acceptedVersions(sql: Sql, userId: string): Promise<string[]> {
  const rows = await sql.rows(ACCEPTED_VERSIONS, userId);
  return rows.map((r) => r.version);
}

/** The person's own report (user rights 1-4), read fresh on each request. */
export async function privacyReport(sql: Sql, vault: PiiVault, userId: string): Promise<PrivacyReport> {
  const [consents, h, rec, disclosures, accepted, abroad] = await Promise.all([
    consentsOf(sql, userId),
    holdings(sql, vault, userId),
    recipients(sql, userId),
    latestDisclosures(sql, userId),
    acceptedVersions(sql, userId),
    transfers(sql, userId),
  ]);
  const granted = (p: string) => consents.find((c) => c.purpose === p)?.granted ?? false;
  const crossBorder = consents.find((c) => c.purpose === ConsentPurpose.CROSS_BORDER_TRANSFER);
  if (!crossBorder) throw new Error('consent state missing for cross-border transfer');
  return {
    purposes: PROCESSING_PURPOSES.map((p) => ({ purpose: p.purpose, basis: p.basis, description: p.description, consented: p.consent ? granted(p.consent) : null })),
    consents,
    acceptedPolicyVersions: accepted,
    dataHeld: categories(h),
    recipients: rec,
    crossBorder: { storedIn: STORAGE_LOCATION.country, description: STORAGE_LOCATION.description, transfers: abroad, consent: crossBorder },
    disclosureCount: h.counts.disclosures,
    disclosures,
  };
}
