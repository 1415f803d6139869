import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// A UUID or a 32-hex trace id: anything else could smuggle text into logs or pose as another request's id.
const CALLER_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})$/i;

export interface RequestIds {
  /** The gateway's own id for this request: in the response header, error messages, logs and the disclosure log. */
  id: string;
  /** The caller's x-request-id when it has the strict format, kept beside the gateway's id; else null. */
  callerId: string | null;
}

export function requestIdsOf(req: IncomingMessage): RequestIds {
  const given = req.headers['x-request-id'];
  return { id: randomUUID(), callerId: typeof given === 'string' && CALLER_ID.test(given) ? given : null };
}
