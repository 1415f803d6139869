import type { Principal } from '../auth/principal.js';
import type { Language } from '../i18n/language.js';
import type { Sql } from '../db/sql.js';
import { PUBLIC_VIA, type Reached, type Via } from './privacy.edge.js';
import type { Edge, PiiKind, PrincipalKind, Relation } from './privacy.types.js';
import { REFERENCE_EDGE, resolveReference, type ReferenceKind, type ResolvedReference } from './reference.service.js';

/** What decides a person's fields as reached through one edge. */
export interface SubjectFacts {
  readonly edge: Edge;
  readonly relation: Relation;
  readonly consents: ReadonlySet<string>;
  readonly requestedKinds: readonly PiiKind[] | null;
  /** The recipient company's country, when the relation is with a company. */
  readonly recipientCountry: string | null;
  /** The record a FULL release through this edge is logged against. */
  readonly reference: { readonly kind: string; readonly id: string } | null;
}

export interface Finding { path: (string | number)[]; kind: PiiKind; exposure: 'PARTIAL' | 'PSEUDONYM' | 'NONE'; reason: string }

/** One disclosure row: a subject's FULL kinds released through one edge and record. */
export interface DisclosureEntry {
  readonly subjectId: string;
  readonly edge: Edge;
  readonly referenceKind: string | null;
  readonly referenceId: string | null;
  readonly recipientCountry: string | null;
  readonly kinds: Set<PiiKind>;
}

const NO_CONSENTS: ReadonlySet<string> = Object.freeze(new Set<string>());
// Facts that depend on nothing but the edge: one frozen object per edge, shared by every request.
const SELF = new Map<Edge, SubjectFacts>();
const NONE = new Map<Edge, SubjectFacts>();

function fixed(cache: Map<Edge, SubjectFacts>, edge: Edge, relation: Relation): SubjectFacts {
  let f = cache.get(edge);
  if (!f) cache.set(edge, f = Object.freeze({ edge, relation, consents: NO_CONSENTS, requestedKinds: null, recipientCountry: null, reference: null }));
  return f;
}

const RELATION_OF_REFERENCE: Readonly<Record<ReferenceKind, Relation>> = {
  SUPPORT_TICKET: 'TICKET_SUBJECT', FRAUD_CASE: 'FRAUD_CASE_SUBJECT', AUTHORITY_REQUEST: 'AUTHORITY_SUBJECT',
};

// Edges whose relation rests on the anchor's own facts: which principal kind may hold it, the relation, the record kind logged.
const ANCHORED: Partial<Record<Edge, { principal: PrincipalKind; relation: Relation; record: string }>> = {
  BOOKING_TRAVELLER: { principal: 'PARTNER', relation: 'PARTNER_TRAVELLER', record: 'BOOKING' },
  PAYMENT_PAYER: { principal: 'PAYMENT_PROVIDER', relation: 'PAYMENT_PAYER', record: 'PAYMENT' },
};

/** Per-request privacy state: facts per edge, the declared reference, the caller's language for placeholders, what was masked, and what must be logged as disclosed. */
export class PrivacySession {
  readonly findings: Finding[] = [];
  readonly disclosed = new Map<string, DisclosureEntry>();
  private readonly memo = new WeakMap<Via, SubjectFacts | Promise<SubjectFacts>>();
  private ref: Promise<ResolvedReference | null> | null = null;

  constructor(readonly principal: Principal, private readonly sql: Sql, readonly language: Language) {}

  /** The record behind the caller's declared reference, read once per request. */
  reference(): Promise<ResolvedReference | null> {
    return (this.ref ??= resolveReference(this.sql, this.principal));
  }

  facts(person: Reached): SubjectFacts | Promise<SubjectFacts> {
    const p = this.principal;
    const via = person.via ?? PUBLIC_VIA;
    if (p.kind === 'USER' && p.id === person.id) return fixed(SELF, via.edge, 'SELF');
    let f = this.memo.get(via);
    if (!f) this.memo.set(via, f = this.establish(person.id, via));
    return f;
  }

  private establish(subjectId: string, via: Via): SubjectFacts | Promise<SubjectFacts> {
    const anchored = ANCHORED[via.edge];
    if (anchored) {
      const p = this.principal;
      const f = via.facts;
      if (!f || !f.open || p.kind !== anchored.principal || f.holderId !== p.partnerId || via.anchor === null) return fixed(NONE, via.edge, 'NONE');
      return {
        edge: via.edge, relation: anchored.relation, consents: new Set(f.consents), requestedKinds: null,
        recipientCountry: f.holderCountry, reference: { kind: anchored.record, id: via.anchor },
      };
    }
    if (via.edge === 'TICKET_SUBJECT' || via.edge === 'FRAUD_CASE_SUBJECT' || via.edge === 'AUTHORITY_SUBJECT') {
      return this.reference().then((r) => {
        if (!r || REFERENCE_EDGE[r.kind] !== via.edge || r.id !== via.anchor || !r.subjects.has(subjectId)) return fixed(NONE, via.edge, 'NONE');
        return {
          edge: via.edge, relation: RELATION_OF_REFERENCE[r.kind], consents: NO_CONSENTS, requestedKinds: r.subjects.get(subjectId) ?? null,
          recipientCountry: null, reference: { kind: r.kind, id: r.id },
        };
      });
    }
    return fixed(NONE, via.edge, 'NONE');
  }

  recordFull(subjectId: string, facts: SubjectFacts, kind: PiiKind): void {
    const key = `${subjectId}|${facts.edge}|${facts.reference?.id ?? ''}`;
    const entry = this.disclosed.get(key);
    if (entry) { entry.kinds.add(kind); return; }
    this.disclosed.set(key, {
      subjectId, edge: facts.edge, referenceKind: facts.reference?.kind ?? null, referenceId: facts.reference?.id ?? null,
      recipientCountry: facts.recipientCountry, kinds: new Set([kind]),
    });
  }
}
