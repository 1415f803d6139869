import type { Language } from '../i18n/language.js';
import type { Sql } from '../db/sql.js';
import { decide, type Decision } from './privacy.decide.js';
import { pseudonymize } from './privacy.pseudonym.js';
import type { Recipient } from './privacy.recipient.js';
import { PUBLIC_VIA, type Reached, type Via } from './privacy.edge.js';
import type { Edge, Exposure, PiiKind, PrincipalKind, Relation } from './privacy.vocabulary.js';
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
  /** Equal only for facts that decide alike (the record aside): people reached with the same facts share their decisions. Statements
   * return consents in order, so equal sets meet; an unordered list costs sharing, never correctness. */
  readonly decisionKey: string;
  /** The edge and record a release is logged under. */
  readonly logKey: string;
}

export interface Finding {
  path: (string | number)[];
  kind: PiiKind;
  exposure: 'PARTIAL' | 'PSEUDONYM' | 'NONE';
  reason: string;
}

/** A decision as explain mode reports it: FULL ones too, and never a value. */
export interface ExplainedDecision {
  path: (string | number)[];
  kind: PiiKind;
  exposure: Exposure;
  reason: string | null;
}

/** `held`: an open incident holds the recipient's FULL releases; `explaining`: the request reports decisions instead of values. */
export interface SessionMode {
  readonly held: boolean;
  readonly explaining: boolean;
}

const LIVE: SessionMode = Object.freeze({ held: false, explaining: false });

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
  if (!f)
    cache.set(
      edge,
      (f = Object.freeze({
        edge,
        relation,
        consents: NO_CONSENTS,
        requestedKinds: null,
        recipientCountry: null,
        reference: null,
        decisionKey: `${edge}|${relation}`,
        logKey: edge,
      })),
    );
  return f;
}

function established(
  edge: Edge,
  relation: Relation,
  consents: readonly string[],
  requestedKinds: readonly PiiKind[] | null,
  recipientCountry: string | null,
  reference: { kind: string; id: string },
): SubjectFacts {
  const decisionKey = `${edge}|${relation}|${recipientCountry ?? ''}|${consents.join(',')}|${requestedKinds?.join(',') ?? '*'}`;
  return { edge, relation, consents: new Set(consents), requestedKinds, recipientCountry, reference, decisionKey, logKey: `${edge}|${reference.id}` };
}

const RELATION_OF_REFERENCE: Readonly<Record<ReferenceKind, Relation>> = {
  SUPPORT_TICKET: 'TICKET_SUBJECT',
  FRAUD_CASE: 'FRAUD_CASE_SUBJECT',
  AUTHORITY_REQUEST: 'AUTHORITY_SUBJECT',
};

// Edges whose relation rests on the anchor's own facts: which principal kind may hold it, the relation, the record kind logged.
const ANCHORED: Partial<Record<Edge, { principal: PrincipalKind; relation: Relation; record: string }>> = {
  BOOKING_TRAVELLER: { principal: 'PARTNER', relation: 'PARTNER_TRAVELLER', record: 'BOOKING' },
  PAYMENT_PAYER: { principal: 'PAYMENT_PROVIDER', relation: 'PAYMENT_PAYER', record: 'PAYMENT' },
};

/** Per-request privacy state: facts per edge, the declared reference, the caller's language for placeholders, what was masked, and what must be logged as disclosed. */
export class PrivacySession {
  readonly findings: Finding[] = [];
  /** Each subject's FULL kinds per edge and record, one entry each: the rows of the disclosure log. */
  readonly disclosed: DisclosureEntry[] = [];
  private readonly entries = new Map<string, Map<string, DisclosureEntry>>();
  private readonly decisions = new Map<string, Partial<Record<PiiKind, Decision>>>();
  /** Explain mode only: every decision taken; the personal fields resolve to null and nothing is ever recorded as disclosed. */
  readonly explained: ExplainedDecision[] | null;
  private readonly memo = new WeakMap<Via, SubjectFacts | Promise<SubjectFacts>>();
  private ref: Promise<ResolvedReference | null> | null = null;

  /** `pseudonymKey`: the analytics key PSEUDONYM values are keyed with. */
  constructor(
    readonly principal: Recipient,
    private readonly sql: Sql,
    readonly language: Language,
    private readonly pseudonymKey: Buffer,
    private readonly mode: SessionMode = LIVE,
  ) {
    this.explained = mode.explaining ? [] : null;
  }

  /** The record behind the caller's declared reference, read once per request. */
  reference(): Promise<ResolvedReference | null> {
    return (this.ref ??= resolveReference(this.sql, this.principal));
  }

  facts(person: Reached): SubjectFacts | Promise<SubjectFacts> {
    const p = this.principal;
    const via = person.via ?? PUBLIC_VIA;
    if (p.kind === 'USER' && p.id === person.id) return fixed(SELF, via.edge, 'SELF');
    let f = this.memo.get(via);
    if (!f) this.memo.set(via, (f = this.establish(person.id, via)));
    return f;
  }

  private establish(subjectId: string, via: Via): SubjectFacts | Promise<SubjectFacts> {
    const anchored = ANCHORED[via.edge];
    if (anchored) {
      const p = this.principal;
      const f = via.facts;
      if (!f || !f.open || p.kind !== anchored.principal || f.holderId !== p.partnerId || via.anchor === null) return fixed(NONE, via.edge, 'NONE');
      return established(via.edge, anchored.relation, f.consents, null, f.holderCountry, { kind: anchored.record, id: via.anchor });
    }
    if (via.edge === 'TICKET_SUBJECT' || via.edge === 'FRAUD_CASE_SUBJECT' || via.edge === 'AUTHORITY_SUBJECT') {
      return this.reference().then((r) => {
        if (!r || REFERENCE_EDGE[r.kind] !== via.edge || r.id !== via.anchor || !r.subjects.has(subjectId)) return fixed(NONE, via.edge, 'NONE');
        return established(via.edge, RELATION_OF_REFERENCE[r.kind], [], r.subjects.get(subjectId) ?? null, null, { kind: r.kind, id: r.id });
      });
    }
    return fixed(NONE, via.edge, 'NONE');
  }

  /** The policy's decision for this request's principal on one kind of a person reached with these facts (held recipients included). */
  decide(facts: SubjectFacts, kind: PiiKind): Decision {
    let byKind = this.decisions.get(facts.decisionKey);
    if (!byKind) this.decisions.set(facts.decisionKey, (byKind = {}));
    let d = byKind[kind];
    if (!d) {
      const p = this.principal;
      byKind[kind] = d = decide({
        principal: p.kind,
        purpose: p.purpose,
        scopes: p.scopes,
        hasReference: p.purposeRef !== null,
        edge: facts.edge,
        relation: facts.relation,
        kind,
        consents: facts.consents,
        requestedKinds: facts.requestedKinds ?? undefined,
        recipientCountry: facts.recipientCountry,
        held: this.mode.held,
      });
    }
    return d;
  }

  /** A value released as PSEUDONYM: keyed, so stable across requests and useless without the key. */
  pseudonym(kind: PiiKind, value: string): string {
    return pseudonymize(this.pseudonymKey, kind, value);
  }

  recordFull(subjectId: string, facts: SubjectFacts, kind: PiiKind): void {
    if (this.explained) return;
    let bySubject = this.entries.get(facts.logKey);
    if (!bySubject) this.entries.set(facts.logKey, (bySubject = new Map<string, DisclosureEntry>()));
    const entry = bySubject.get(subjectId);
    if (entry) {
      entry.kinds.add(kind);
      return;
    }
    const added: DisclosureEntry = {
      subjectId,
      edge: facts.edge,
      referenceKind: facts.reference?.kind ?? null,
      referenceId: facts.reference?.id ?? null,
      recipientCountry: facts.recipientCountry,
      kinds: new Set([kind]),
    };
    bySubject.set(subjectId, added);
    this.disclosed.push(added);
  }
}

/** What the privacy layer reads from a request's context; graphql's GatewayContext carries it. */
export interface PrivacyContext {
  readonly privacy: PrivacySession;
}
