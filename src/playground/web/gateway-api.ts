/** The page's calls to the gateway that serves it: /graphql, and in development /playground/dev/*. */

import type { DevClient, DevPrincipals, PlaygroundSettings as Settings } from '../playground-wire.type';

export type { DevClient, DevPrincipals, Settings };

/** Who asks: chosen in the panel (development, or explained as) or a pasted token. */
export interface Who {
  kind: string;
  partnerId: string;
  /** The API client, for PARTNER and PAYMENT_PROVIDER. */
  clientId: string;
  /** The staff account, when explained as. */
  account: string;
  scopes: readonly string[];
  purpose: string;
  reference: string;
  traveller: string;
  pastedToken: string;
}

export interface Finding {
  path: (string | number)[];
  kind: string;
  exposure: string;
  reason: string;
}
export interface GraphqlBody {
  data?: unknown;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: { privacy?: { withheld?: Finding[] } };
}
export interface GraphqlReply {
  status: number;
  requestId: string | null;
  body: GraphqlBody;
}

export interface DisclosureRow {
  at: string;
  subject: string;
  kinds: string[];
  purpose: string;
  reference: string | null;
  edge: string | null;
  referenceKind: string | null;
  referenceId: string | null;
  recipientId: string | null;
  recipientCountry: string | null;
}

export function readSettings(): Settings {
  const text = document.getElementById('playground-settings')?.textContent;
  return text ? (JSON.parse(text) as Settings) : { devTokens: false, purposes: {}, referencePurposes: [], schemaPath: null };
}

/** The schema as SDL, where the gateway serves it (its depth limit refuses GraphiQL's own introspection query). */
export async function loadSchemaText(path: string): Promise<string> {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`schema: HTTP ${res.status}`);
  return res.text();
}

async function json<T>(res: Response): Promise<T> {
  const body = (await res.json()) as T & { errors?: { message: string }[] };
  if (!res.ok && body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body;
}

export async function loadPrincipals(): Promise<DevPrincipals> {
  return json<DevPrincipals>(await fetch('/playground/dev/principals'));
}

interface TokenRequest {
  kind: string;
  partnerId?: string;
  scope?: readonly string[];
  sub?: string;
}

// Tokens live a few minutes: one per distinct request, renewed a minute before it expires.
const tokens = new Map<string, { token: string; until: number }>();

export async function devToken(req: TokenRequest): Promise<string> {
  const key = JSON.stringify(req);
  const cached = tokens.get(key);
  if (cached && cached.until > Date.now()) return cached.token;
  const res = await fetch('/playground/dev/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: key });
  const body = await json<{ accessToken: string; expiresIn: number }>(res);
  tokens.set(key, { token: body.accessToken, until: Date.now() + (body.expiresIn - 60) * 1000 });
  return body.accessToken;
}

export const isClient = (kind: string) => kind === 'PARTNER' || kind === 'PAYMENT_PROVIDER';

/** The token for the chosen principal: none for anonymous callers. */
async function tokenOf(who: Who, settings: Settings): Promise<string | null> {
  if (!settings.devTokens) return who.pastedToken.trim() || null;
  if (who.kind === 'ANONYMOUS') return null;
  if (isClient(who.kind)) return devToken({ kind: who.kind, partnerId: who.partnerId || undefined, scope: who.scopes });
  return devToken({ kind: who.kind, sub: who.kind === 'USER' && who.traveller ? who.traveller : undefined });
}

/** Authorization and the declared purpose (X-Purpose, X-Purpose-Ref) of the chosen principal. */
export async function headersOf(who: Who, settings: Settings): Promise<Record<string, string>> {
  const headers: Record<string, string> = {};
  const token = await tokenOf(who, settings);
  if (token) headers.authorization = `Bearer ${token}`;
  // Anonymous callers may declare no purpose.
  if (who.purpose && token) headers['x-purpose'] = who.purpose;
  if (who.reference.trim()) headers['x-purpose-ref'] = who.reference.trim();
  return headers;
}

export async function postGraphql(body: { query: string; variables?: unknown; operationName?: string | null }, headers: Record<string, string>): Promise<GraphqlReply> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, requestId: res.headers.get('x-request-id'), body: (await res.json()) as GraphqlBody };
}

const DISCLOSURES = `query PlaygroundDisclosures($filter: DisclosureLogFilter) {
  disclosureLog(first: 100, filter: $filter) {
    nodes { at subject kinds purpose reference edge referenceKind referenceId recipientId recipientCountry }
  }
}`;

/** The rows one request wrote to the disclosure log, read as the development auditor. */
export async function disclosuresOf(requestId: string, sentAt: Date): Promise<DisclosureRow[]> {
  const auditor = await devToken({ kind: 'AUDITOR' });
  // A margin for clocks: the request id picks the rows, the time bound keeps the scan to recent partitions.
  const from = new Date(sentAt.getTime() - 5 * 60_000).toISOString();
  const reply = await postGraphql({ query: DISCLOSURES, variables: { filter: { requestId, from } } }, { authorization: `Bearer ${auditor}` });
  if (reply.body.errors?.length) throw new Error(reply.body.errors.map((e) => e.message).join('; '));
  return (reply.body.data as { disclosureLog: { nodes: DisclosureRow[] } }).disclosureLog.nodes;
}

export interface ConsentState {
  purpose: string;
  granted: boolean;
  policyVersion: string | null;
}

async function asTraveller(traveller: string, query: string, variables?: Record<string, unknown>): Promise<unknown> {
  const token = await devToken({ kind: 'USER', sub: traveller });
  const reply = await postGraphql({ query, variables }, { authorization: `Bearer ${token}` });
  if (reply.body.errors?.length) throw new Error(reply.body.errors.map((e) => e.message).join('; '));
  return reply.body.data;
}

export async function consentsOf(traveller: string): Promise<ConsentState[]> {
  const data = (await asTraveller(traveller, '{ me { consents { purpose granted policyVersion } } }')) as { me: { consents: ConsentState[] } };
  return data.me.consents;
}

/** Grants or withdraws as the traveller would; a refused withdrawal comes back as its message. */
export async function setConsent(traveller: string, purpose: string, grant: boolean): Promise<string | null> {
  const field = grant ? 'grantConsent' : 'withdrawConsent';
  const data = (await asTraveller(
    traveller,
    `mutation ($purpose: ConsentPurpose!) { result: ${field}(purpose: $purpose) {
      __typename ... on ConsentWithdrawalRefused { message } } }`,
    { purpose },
  )) as { result: { __typename: string; message?: string } };
  return data.result.message ?? null;
}
