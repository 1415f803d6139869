import { createHash } from 'node:crypto';
import { BadInputError } from '../graphql/errors.js';

const PSEUDONYM = /^ps_[A-Za-z0-9_-]{43}$/;
const BLOCK = 64;
const KIND = 'SUBJECT';

/** Parameters that let Postgres recompute pseudonymize(key, 'SUBJECT', id) per row with sha256 alone (HMAC by its definition). */
export interface SubjectMatch {
  digest: Buffer;
  inner: Buffer;
  outer: Buffer;
}

function pad(key: Buffer, byte: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  (key.length > BLOCK ? createHash('sha256').update(key).digest() : key).copy(block);
  return block.map((b) => b ^ byte) as Buffer;
}

// The pads are as secret as the key: they travel only as bound parameters of one statement, never in its text.
export function subjectMatch(key: Buffer, pseudonym: string): SubjectMatch {
  if (!PSEUDONYM.test(pseudonym)) throw new BadInputError('subject must be a subject pseudonym (ps_...)', 'subject');
  return {
    digest: Buffer.from(pseudonym.slice(3), 'base64url'),
    inner: Buffer.concat([pad(key, 0x36), Buffer.from(`${KIND.length}:${KIND}:`, 'utf8')]),
    outer: pad(key, 0x5c),
  };
}
