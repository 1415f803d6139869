import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/** The client's address: the socket's peer, or from X-Forwarded-For only through hops listed in TRUST_PROXY. */
export function clientAddressResolver(trustProxy: readonly string[]): (req: IncomingMessage) => string {
  if (!trustProxy.length) return (req) => req.socket.remoteAddress ?? 'unknown';
  const trust = proxyaddr.compile([...trustProxy]);
  return (req) => proxyaddr(req, trust) || 'unknown';
}
