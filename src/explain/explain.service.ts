import { createHash } from 'node:crypto';
import type { GraphQLRequest, GraphQLResponse } from '@apollo/server';
import type { Principal } from '../access/principal.js';
import { statement } from '../db/statement.js';
import { createContext, type GatewayContext } from '../graphql/context.js';
import { UnavailableError } from '../graphql/errors.js';
import type { ExplainedDecision } from '../privacy/privacy.session.js';
import type { ExposureDecision, Explanation } from './explain.type.js';

/** Runs one operation through the gateway's own pipeline (parsing, limits, access rules, executor, plugins) with the given context. */
export type ExplainRunner = (request: GraphQLRequest, context: GatewayContext) => Promise<GraphQLResponse>;

// The running gateway's runner, reached as ctx.services.explainRunner.
declare module '../graphql/context.js' {
  interface FeatureServices {
    explainRunner: ExplainRunner;
  }
}

// Response order: segment by segment, list indexes as numbers.
function byPath(a: ExplainedDecision, b: ExplainedDecision): number {
  for (let i = 0; i < Math.min(a.path.length, b.path.length); i++) {
    const x = a.path[i];
    const y = b.path[i];
    if (x === y) continue;
    return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
  }
  return a.path.length - b.path.length;
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

const asDecision = (d: ExplainedDecision): ExposureDecision => ({ path: d.path.map(String), kind: d.kind, exposure: d.exposure, reason: d.reason as ExposureDecision['reason'] });

const RECORD = statement<
  never,
  [
    requestId: string,
    explainerKind: Principal['kind'],
    explainerId: Principal['id'],
    asKind: Principal['kind'],
    asId: Principal['id'],
    asPartnerId: Principal['partnerId'],
    asScopes: Principal['scopes'],
    asPurpose: Principal['purpose'],
    asReference: Principal['purposeRef'],
    documentSha256: string,
    decisions: number,
    errors: number,
  ]
>(
  'explain_request_insert',
  `insert into explain_requests
    (id, request_id, explainer_kind, explainer_id, as_kind, as_id, as_partner_id, as_scopes, as_purpose, as_reference, document_sha256, decisions, errors)
  values (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
);

// Who explained what as whom, without a value: the document only as its hash, the principal as ids, kinds and the declared reference.
async function record(ctx: GatewayContext, as: Principal, query: string, decisions: number, errors: number): Promise<void> {
  const me = ctx.principal;
  const sha = createHash('sha256').update(query).digest('hex');
  await ctx.services.sql.count(RECORD, ctx.requestId, me.kind, me.id, as.kind, as.id, as.partnerId, as.scopes, as.purpose, as.purposeRef, sha, decisions, errors);
  ctx.services.logger.info(
    {
      requestId: ctx.requestId,
      explainerKind: me.kind,
      explainerId: me.id,
      asKind: as.kind,
      asId: as.id,
      asPartnerId: as.partnerId,
      asPurpose: as.purpose,
      documentSha256: sha,
      decisions,
      errors,
    },
    'explain request',
  );
}

/**
 * Runs `request` as `as` in explain mode and returns only the decisions: the @pii fields resolve to null without their values being read,
 * the data is dropped, nothing is recorded as disclosed; the explain request itself is recorded before the answer leaves.
 */
export async function explainAs(ctx: GatewayContext, as: Principal, request: { query: string; variables?: Record<string, unknown>; operationName?: string }): Promise<Explanation> {
  // The request facts stay the explainer's own: they are this request's, whoever it runs as.
  const inner = createContext(ctx.services, { principal: as, facts: ctx.facts }, { id: ctx.requestId, callerId: ctx.callerRequestId }, ctx.language, true);
  const response = await ctx.services.explainRunner(request, inner);
  const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
  if (errors.some((e) => e.extensions?.code === 'UNAVAILABLE')) throw new UnavailableError();
  const decisions = [...inner.privacy.explained!].sort(byPath);
  await record(ctx, as, request.query, decisions.length, errors.length);
  return {
    as: { kind: as.kind, id: as.id, partnerId: as.partnerId, scopes: as.scopes, purpose: as.purpose, reference: as.purposeRef },
    decisions: decisions.map(asDecision),
    errors: errors.map((e) => ({ message: e.message, code: text(e.extensions?.code), reason: text(e.extensions?.reason), path: e.path?.map(String) ?? null })),
  };
}
