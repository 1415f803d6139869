import type { IncomingMessage } from 'node:http';
import { ForbiddenError } from '../graphql/errors.js';
import { defaultPurpose, mayDeclare, type PrincipalKind, type Purpose } from '../access/principal.js';
import { PURPOSES } from '../privacy/privacy.vocabulary.js';

const KNOWN: ReadonlySet<string> = new Set(PURPOSES);
const REF = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;

export class PurposeError extends ForbiddenError {}

/** The declared purpose (X-Purpose) and its reference (X-Purpose-Ref), checked against what the kind may declare. */
export function declaredPurpose(req: IncomingMessage, kind: PrincipalKind, fixed: Purpose | null): { purpose: Purpose | null; ref: string | null } {
  const rawPurpose = req.headers['x-purpose'];
  const rawRef = req.headers['x-purpose-ref'];
  if (Array.isArray(rawPurpose) || Array.isArray(rawRef)) throw new PurposeError('X-Purpose and X-Purpose-Ref may appear once', 'PURPOSE_HEADER_MALFORMED');
  return checkedPurpose(kind, fixed, rawPurpose, rawRef);
}

/** A purpose and reference as declared (undefined: not declared), checked as the headers are; `fixed` is a client's registered purpose. */
export function checkedPurpose(
  kind: PrincipalKind,
  fixed: Purpose | null,
  rawPurpose: string | undefined,
  rawRef: string | undefined,
): { purpose: Purpose | null; ref: string | null } {
  if (rawRef !== undefined && !REF.test(rawRef)) throw new PurposeError('X-Purpose-Ref is malformed', 'PURPOSE_HEADER_MALFORMED');
  if (rawPurpose === undefined) return { purpose: fixed ?? defaultPurpose(kind), ref: rawRef ?? null };
  if (!KNOWN.has(rawPurpose)) throw new PurposeError('Unknown purpose', 'PURPOSE_UNKNOWN');
  const purpose = rawPurpose as Purpose;
  // A client registered for one purpose cannot declare another.
  if ((fixed && purpose !== fixed) || !mayDeclare(kind, purpose)) throw new PurposeError('This caller may not declare that purpose', 'PURPOSE_NOT_ALLOWED');
  return { purpose, ref: rawRef ?? null };
}
