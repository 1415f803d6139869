/** Explain mode from the page: the editor's operation sent inside `explain(...)` with the explainer's own token. */
import { devToken, isClient, postGraphql, type GraphqlBody, type GraphqlReply, type Settings, type Who } from './gateway-api';

export interface Decision {
  path: string[];
  kind: string;
  exposure: string;
  reason: string | null;
}
export interface ExplainedError {
  message: string;
  code: string | null;
  reason: string | null;
  path: string[] | null;
}
export interface ExplainedAs {
  kind: string;
  id: string | null;
  partnerId: string | null;
  scopes: string[];
  purpose: string | null;
  reference: string | null;
}
export interface Explanation {
  as: ExplainedAs;
  decisions: Decision[];
  errors: ExplainedError[];
}

const EXPLAIN = `query PlaygroundExplain($as: ExplainAsInput!, $query: String!, $variables: JSONObject, $operationName: String) {
  explain(as: $as, query: $query, variables: $variables, operationName: $operationName) {
    as { kind id partnerId scopes purpose reference }
    decisions { path kind exposure reason }
    errors { message code reason path }
  }
}`;

const given = (s: string) => s.trim() || null;

/** The panel's choices as explain's `as`: what that principal's token and X-Purpose headers would make. */
export function explainAsInput(who: Who, settings: Settings): Record<string, unknown> {
  const client = isClient(who.kind);
  const account = who.kind === 'USER' ? who.traveller : who.account;
  return {
    kind: who.kind,
    clientId: client ? given(who.clientId) : null,
    // The development checkboxes name the token's scopes exactly; a typed list left blank means all of the client's.
    scopes: client && (settings.devTokens || who.scopes.length) ? who.scopes : null,
    accountId: !client && who.kind !== 'ANONYMOUS' ? given(account) : null,
    // Anonymous callers declare no purpose.
    purpose: who.kind === 'ANONYMOUS' ? null : who.purpose || null,
    reference: given(who.reference),
  };
}

/** Sends the operation to be explained with the pasted token (an auditor's or administrator's), in development else the demo auditor's. */
export async function postExplain(op: { query: string; variables?: unknown; operationName?: string | null }, who: Who, settings: Settings): Promise<GraphqlReply> {
  const token = who.pastedToken.trim() || (settings.devTokens ? await devToken({ kind: 'AUDITOR' }) : null);
  const variables = { as: explainAsInput(who, settings), query: op.query, variables: op.variables ?? null, operationName: op.operationName || null };
  return postGraphql({ query: EXPLAIN, variables }, token ? { authorization: `Bearer ${token}` } : {});
}

export const explanationOf = (body: GraphqlBody): Explanation | null => (body.data as { explain?: Explanation } | null | undefined)?.explain ?? null;
