import { createHash } from 'node:crypto';

const ID = /^(?:sha256:)?([0-9a-fA-F]{64})$/;

/** The sha256 a document id names, in lower-case hex: bare (graphql-codegen, Apollo) or with GraphQL over HTTP's sha256: prefix. */
export function documentIdOf(id: string): string | null {
  const m = ID.exec(id);
  return m ? m[1].toLowerCase() : null;
}

/** The id of a document: the sha256 of its exact text (UTF-8), as graphql-codegen's client preset writes it with hashAlgorithm sha256. */
export function documentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
