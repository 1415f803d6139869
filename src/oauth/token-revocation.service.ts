import { statement, type Statements } from '../db/statement.js';

const REVOKE = statement<never, [jti: string, expiresAt: Date]>(
  'revoked_token_insert',
  `insert into revoked_tokens (jti, expires_at) values ($1, $2)
  on conflict (jti) do update set expires_at = greatest(revoked_tokens.expires_at, excluded.expires_at)`,
);

/** Records a revoked token id until the token would have expired anyway; revoking twice keeps the later expiry. */
export async function revokeTokenId(db: Statements, jti: string, expiresAt: Date): Promise<void> {
  await db.count(REVOKE, jti, expiresAt);
}
