import { PRIVACY_POLICY } from './privacy.policy.js';
import type { PolicyRule } from './privacy.policy.js';
import type { Exposure, PiiKind, PrincipalKind, Purpose, ReasonCode, Relation } from './privacy.types.js';

export interface DecisionInput {
  readonly principal: PrincipalKind;
  readonly purpose: Purpose | null;
  readonly scopes: readonly string[];
  readonly hasReference: boolean;
  readonly relation: Relation;
  readonly kind: PiiKind;
  /** Active consent purposes of the person the value belongs to. */
  readonly consents: ReadonlySet<string>;
  /** Kinds named by the authority request, for AUTHORITY callers. */
  readonly requestedKinds?: readonly PiiKind[];
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

// Checks run in this order; the order keeps consent state hidden from callers who fail an earlier check.
const FAILURES: readonly ReasonCode[] = ['PURPOSE_NOT_ALLOWED', 'SCOPE_MISSING', 'REFERENCE_MISSING', 'NOT_RELATED', 'NO_CONSENT', 'NOT_IN_REQUEST'];
const MATCH = FAILURES.length;

interface CompiledRule {
  readonly purposes: ReadonlySet<Purpose> | null;
  readonly relations: ReadonlySet<Relation> | null;
  readonly scope: string | null;
  readonly reference: boolean;
  readonly consent: string | null;
  readonly requested: boolean;
  /** Best rank this rule can grant per kind, before the request check. */
  readonly rank: Readonly<Record<PiiKind, number>>;
}

const FULL_RESULT: Decision = Object.freeze({ exposure: 'FULL' });
const RESULTS: readonly (readonly Decision[])[] = RANKED.map((exposure) =>
  [...FAILURES, 'POLICY' as const].map((reason) => Object.freeze({ exposure, reason })));
const POLICY_INDEX = MATCH;

function compile(rule: PolicyRule): CompiledRule {
  const rank = { IIN: 0, PASSPORT: 0, PHONE: 0, EMAIL: 0, FULL_NAME: 0, GENDER: 0, MESSENGER: 0, DOCUMENT_SCAN: 0 };
  const raise = (kinds: readonly PiiKind[], r: number) => { for (const k of kinds) rank[k] = Math.max(rank[k], r); };
  raise(rule.pseudonym, PSEUDONYM);
  raise(rule.partial, PARTIAL);
  const requested = rule.full === 'REQUESTED';
  raise(requested ? Object.keys(rank) as PiiKind[] : rule.full as readonly PiiKind[], FULL);
  return {
    purposes: rule.purposes === 'ANY' ? null : new Set(rule.purposes),
    relations: rule.relations === 'ANY' ? null : new Set(rule.relations),
    scope: rule.requires.scope ?? null,
    reference: rule.requires.reference ?? false,
    consent: rule.requires.consent ?? null,
    requested,
    rank: Object.freeze(rank),
  };
}

/** Index into FAILURES of the first check the input fails, or MATCH. */
function firstFailure(rule: CompiledRule, input: DecisionInput): number {
  if (rule.purposes && (input.purpose === null || !rule.purposes.has(input.purpose))) return 0;
  if (rule.scope !== null && !input.scopes.includes(rule.scope)) return 1;
  if (rule.reference && !input.hasReference) return 2;
  if (rule.relations && !rule.relations.has(input.relation)) return 3;
  if (rule.consent !== null && !input.consents.has(rule.consent)) return 4;
  if (rule.requested && !input.requestedKinds?.includes(input.kind)) return 5;
  return MATCH;
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
    for (const rule of rules) {
      const r = rule.rank[input.kind];
      if (r > best && firstFailure(rule, input) === MATCH) best = r;
    }
    if (best === FULL) return FULL_RESULT;
    let nearest = -1;
    for (const rule of rules) {
      if (rule.rank[input.kind] > best) nearest = Math.max(nearest, firstFailure(rule, input));
    }
    return RESULTS[best][nearest < 0 ? POLICY_INDEX : nearest];
  };
}

/** The gateway's decision: the most permissive rule of PRIVACY_POLICY that matches; NONE when none does. */
export const decide: Decider = createDecider(PRIVACY_POLICY);
