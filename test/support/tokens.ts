import type { RunningGateway } from '../../src/gateway.js';
import { issueAccessToken } from '../../src/oauth/access-token.js';
import { loadOrCreateKeyRing } from '../../src/oauth/signing-keys.js';
import type { PrincipalKind } from '../../src/access/principal.js';
import { DEMO_CLIENTS } from '../../seeds/partners.data.js';

/** A real access token from the gateway's own key ring, for a seeded account or client. */
export async function tokenFor(gw: RunningGateway, kind: Exclude<PrincipalKind, 'ANONYMOUS'>, opts: { sub?: string; partnerId?: string; scope?: string[] } = {}): Promise<string> {
  const { cfg } = gw.services;
  const ring = await loadOrCreateKeyRing(cfg.jwt.keysDir);
  if (kind === 'PARTNER' || kind === 'PAYMENT_PROVIDER') {
    const client = DEMO_CLIENTS.find((c) => c.partnerId === opts.partnerId && c.kind === kind);
    if (!client) throw new Error(`no demo client for ${kind} ${opts.partnerId}`);
    return issueAccessToken(ring, cfg, { sub: client.clientId, kind, clientId: client.clientId, partnerId: client.partnerId, scope: opts.scope ?? client.scopes }, 300);
  }
  if (!opts.sub) throw new Error('sub required');
  return issueAccessToken(ring, cfg, { sub: opts.sub, kind, clientId: kind === 'USER' ? 'qaztracker-mobile' : 'qaztracker-staff' }, 300);
}

export function bearer(token: string, extra: Record<string, string> = {}): Record<string, string> {
  return { authorization: `Bearer ${token}`, ...extra };
}
