import { CROSS_BORDER, PRIVACY_POLICY } from './privacy.policy.js';
import type { PolicyRule } from './privacy.policy.js';
import { EXPOSURES, NOT_VIA, REASON_CODES } from './privacy.vocabulary.js';
import type { Edge, Exposure, PiiKind, PrincipalKind, Purpose, ReasonCode, Relation } from './privacy.vocabulary.js';

export interface DecisionInput {
  readonly principal: PrincipalKind;
  readonly purpose: Purpose | null;
  readonly scopes: readonly string[];
  readonly hasReference: boolean;
  /** The field through which the person was reached. */
  readonly edge: Edge;
  /** What the stored facts establish between caller and person through that edge. */
  readonly relation: Relation;
  readonly kind: PiiKind;
  /** Active consent purposes of the person the value belongs to. */
  readonly consents: ReadonlySet<string>;
  /** Kinds named by the authority request, for AUTHORITY callers. */
  readonly requestedKinds?: readonly PiiKind[];
  /** The recipient's country, where it is a company; staff and users are in Kazakhstan. */
  readonly recipientCountry?: string | null;
  /** An open incident holds the recipient's FULL releases: what the policy would show short of FULL, reason INCIDENT_HOLD. */
  readonly held?: boolean;
}

export interface Decision {
  readonly exposure: Exposure;
  /** Why the value is not FULL; absent when it is. */
  readonly reason?: ReasonCode;
}

export type Decider = (input: DecisionInput) => Decision;

// Ranks: a higher rank shows more; PARTIAL reveals part of the real value, a pseudonym only links rows.
const RANKED: readonly Exposure[] = ['NONE', 'PSEUDONYM', 'PARTIAL', 'FULL'];
const PSEUDONYM = 1;
const PARTIAL = 2;
const FULL = 3;

// Checks run in this order; the order keeps relation and consent state hidden from callers who fail an earlier check.
const Check = { Purpose: 0, Scope: 1, Reference: 2, Edge: 3, Relation: 4, Consent: 5, CrossBorder: 6, Requested: 7, Match: 8 } as const;
type Check = (typeof Check)[keyof typeof Check];
// The reason of each failed check; the edge check's reason names the rule's edge instead.
const FIXED_REASON: readonly ReasonCode[] = [
  'PURPOSE_NOT_ALLOWED',
  'SCOPE_MISSING',
  'REFERENCE_MISSING',
  'POLICY',
  'NOT_RELATED',
  'NO_CONSENT',
  'NO_CROSS_BORDER_CONSENT',
  'NOT_IN_REQUEST',
];

interface CompiledRule {
  readonly purposes: ReadonlySet<Purpose> | null;
  readonly edges: ReadonlySet<Edge> | null;
  /** The reason a caller reached through another edge gets. */
  readonly edgeReason: ReasonCode;
  readonly relations: ReadonlySet<Relation> | null;
  readonly scope: string | null;
  readonly reference: boolean;
  readonly consent: string | null;
  readonly requested: boolean;
  /** Best rank this rule can grant per kind, before the request check. */
  readonly rank: Readonly<Record<PiiKind, number>>;
}

const FULL_RESULT: Decision = Object.freeze({ exposure: 'FULL' });
// Every (exposure, reason) pair is one shared frozen object, so a decision allocates nothing.
const RESULTS = new Map<string, Decision>(EXPOSURES.flatMap((exposure) => REASON_CODES.map((reason) => [`${exposure}:${reason}`, Object.freeze({ exposure, reason })] as const)));
const result = (rank: number, reason: ReasonCode): Decision => RESULTS.get(`${RANKED[rank]}:${reason}`)!;

function compile(rule: PolicyRule): CompiledRule {
  const rank = { IIN: 0, PASSPORT: 0, PHONE: 0, EMAIL: 0, FULL_NAME: 0, GENDER: 0, MESSENGER: 0, DOCUMENT_SCAN: 0 };
  const raise = (kinds: readonly PiiKind[], r: number) => {
    for (const k of kinds) rank[k] = Math.max(rank[k], r);
  };
  raise(rule.pseudonym, PSEUDONYM);
  raise(rule.partial, PARTIAL);
  const requested = rule.full === 'REQUESTED';
  raise(requested ? (Object.keys(rank) as PiiKind[]) : rule.full, FULL);
  return {
    purposes: rule.purposes === 'ANY' ? null : new Set(rule.purposes),
    edges: rule.edges === 'ANY' ? null : new Set(rule.edges),
    edgeReason: rule.edges !== 'ANY' && rule.edges.length === 1 ? NOT_VIA[rule.edges[0]] : 'POLICY',
    relations: rule.relations === 'ANY' ? null : new Set(rule.relations),
    scope: rule.requires.scope ?? null,
    reference: rule.requires.reference ?? false,
    consent: rule.requires.consent ?? null,
    requested,
    rank: Object.freeze(rank),
  };
}

const abroad = (input: DecisionInput) => input.recipientCountry != null && input.recipientCountry !== CROSS_BORDER.home;

/** The first check the input fails for this rule and kind, or Check.Match. */
function firstFailure(rule: CompiledRule, input: DecisionInput): Check {
  if (rule.purposes && (input.purpose === null || !rule.purposes.has(input.purpose))) return Check.Purpose;
  if (rule.scope !== null && !input.scopes.includes(rule.scope)) return Check.Scope;
  if (rule.reference && !input.hasReference) return Check.Reference;
  if (rule.edges && !rule.edges.has(input.edge)) return Check.Edge;
  if (rule.relations && !rule.relations.has(input.relation)) return Check.Relation;
  if (rule.consent !== null && !input.consents.has(rule.consent)) return Check.Consent;
  if (rule.rank[input.kind] === FULL && abroad(input) && !input.consents.has(CROSS_BORDER.consent)) return Check.CrossBorder;
  if (rule.requested && !input.requestedKinds?.includes(input.kind)) return Check.Requested;
  return Check.Match;
}

/** Compiles a policy into a decider: rules grouped per principal, per-kind ranks precomputed, results shared frozen constants. */
export function createDecider(policy: readonly PolicyRule[]): Decider {
  const byPrincipal = new Map<PrincipalKind, CompiledRule[]>();
  for (const rule of policy) {
    const list = byPrincipal.get(rule.principal) ?? [];
    list.push(compile(rule));
    byPrincipal.set(rule.principal, list);
  }
  const none: readonly CompiledRule[] = [];
  return (input) => {
    const rules = byPrincipal.get(input.principal) ?? none;
    let best = 0;
    let heldFull = false;
    for (const rule of rules) {
      const r = rule.rank[input.kind];
      if (r <= best || firstFailure(rule, input) !== Check.Match) continue;
      if (r === FULL && input.held) heldFull = true;
      else best = r;
    }
    if (best === FULL) return FULL_RESULT;
    if (heldFull) return result(best, 'INCIDENT_HOLD');
    // The reason comes from the rule that would have shown more and got furthest through the checks.
    let nearest: CompiledRule | null = null;
    let nearestCheck: number = -1;
    for (const rule of rules) {
      if (rule.rank[input.kind] <= best) continue;
      const failed = firstFailure(rule, input);
      if (failed > nearestCheck) {
        nearest = rule;
        nearestCheck = failed;
      }
    }
    if (!nearest) return result(best, 'POLICY');
    return result(best, nearestCheck === Check.Edge ? nearest.edgeReason : FIXED_REASON[nearestCheck]);
  };
}

/** The gateway's decision: the most permissive rule of PRIVACY_POLICY that matches; NONE when none does. */
export const decide: Decider = createDecider(PRIVACY_POLICY);
