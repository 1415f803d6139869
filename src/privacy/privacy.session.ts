import DataLoader from 'dataloader';
import type { Principal } from '../auth/principal.js';
import type { Sql } from '../db/sql.js';
import type { PiiKind, Relation } from './privacy.types.js';
import { loadSubjectFacts, type SubjectFactsRow } from './subject-facts.service.js';
import { byKey } from '../graphql/group-by.js';

export interface SubjectFacts { relation: Relation; consents: ReadonlySet<string>; requestedKinds: readonly PiiKind[] | null }

export interface Finding { path: (string | number)[]; kind: PiiKind; exposure: 'PARTIAL' | 'PSEUDONYM' | 'NONE'; reason: string }

const NO_CONSENTS: ReadonlySet<string> = new Set();
const OTHER: SubjectFacts = Object.freeze({ relation: 'OTHER', consents: NO_CONSENTS, requestedKinds: null });
const SELF: SubjectFacts = Object.freeze({ relation: 'SELF', consents: NO_CONSENTS, requestedKinds: null });
// Only these callers' exposure depends on stored facts about the row (relation, consent, request).
const NEEDS_FACTS = new Set(['PARTNER', 'PAYMENT_PROVIDER', 'SUPPORT', 'AUTHORITY']);
const RELATION_OF: Record<string, Relation> = { PARTNER: 'PARTNER_TRAVELER', PAYMENT_PROVIDER: 'PAYMENT_PAYER', SUPPORT: 'TICKET_SUBJECT', AUTHORITY: 'AUTHORITY_SUBJECT' };

function toFacts(kind: string, row: SubjectFactsRow | null): SubjectFacts {
  if (!row) return OTHER;
  return { relation: row.related ? RELATION_OF[kind] : 'OTHER', consents: new Set(row.consents), requestedKinds: row.kinds as PiiKind[] | null };
}

/** Per-request privacy state: batched facts about subjects, what was masked, and what must be logged as disclosed. */
export class PrivacySession {
  readonly findings: Finding[] = [];
  readonly disclosed = new Map<string, Set<PiiKind>>();
  private loader: DataLoader<string, SubjectFacts> | null = null;

  constructor(readonly principal: Principal, private readonly sql: Sql) {}

  facts(subjectId: string): SubjectFacts | Promise<SubjectFacts> {
    const p = this.principal;
    if (p.kind === 'USER' && p.id === subjectId) return SELF;
    if (!NEEDS_FACTS.has(p.kind)) return OTHER;
    this.loader ??= new DataLoader(async (ids) => byKey(ids, await loadSubjectFacts(this.sql, p, ids), (r) => r.id).map((r) => toFacts(p.kind, r)));
    return this.loader.load(subjectId);
  }

  recordFull(subjectId: string, kind: PiiKind): void {
    const kinds = this.disclosed.get(subjectId);
    if (kinds) kinds.add(kind); else this.disclosed.set(subjectId, new Set([kind]));
  }
}
