import type { EntityManager } from '@mikro-orm/postgresql';

/** Records a revoked token id until the token would have expired anyway; revoking twice keeps the later expiry. */
export async function revokeTokenId(em: EntityManager, jti: string, expiresAt: Date): Promise<void> {
  await em.execute(
    `insert into revoked_tokens (jti, expires_at) values (?, ?)
     on conflict (jti) do update set expires_at = greatest(revoked_tokens.expires_at, excluded.expires_at)`,
    [jti, expiresAt],
  );
}
