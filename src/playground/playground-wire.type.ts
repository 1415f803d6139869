// What the playground's routes send its page: shared by the server and the page's bundle, so it imports nothing.

/** What the page is told when it is served: no data, only what the schema and the policy's vocabulary say. */
export interface PlaygroundSettings {
  /** Whether /playground/dev/* exists: tokens for any principal, development only. */
  devTokens: boolean;
  purposes: Record<string, readonly string[]>;
  referencePurposes: readonly string[];
  /** The schema with its @pii fields, where introspection is on: the gateway's depth limit refuses GraphiQL's introspection query. */
  schemaPath: string | null;
}

export interface DevClient {
  clientId: string;
  kind: string;
  partnerId: string;
  partnerName: string;
  country: string;
  scopes: string[];
}

/** An open reference held by the account a development staff token is minted for (the first active account of its role). */
export interface DevReference {
  kind: string;
  purpose: string;
  reference: string;
}

/** Who the playground can ask as: enabled API clients with their companies, and the staff kinds that have an active account. */
export interface DevPrincipals {
  clients: DevClient[];
  staffKinds: string[];
  /** Staff kind -> the account a development token of that kind is minted for, to explain as. */
  staffAccounts: Record<string, string>;
  references: DevReference[];
  traveller: string | null;
}
