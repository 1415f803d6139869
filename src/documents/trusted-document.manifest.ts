import { Kind, OperationTypeNode, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { documentRules, type QueryLimits } from '../graphql/limits.js';
import { documentHash, documentIdOf } from './trusted-document.id.js';

export interface ManifestEntry {
  id: string;
  text: string;
}

/** The entries of a manifest, usable only when problems is empty (a manifest is stored whole or not at all). */
export interface ManifestCheck {
  entries: ManifestEntry[];
  problems: string[];
}

type Limits = QueryLimits & { maxTokens: number };

function parsed(text: string, maxTokens: number): DocumentNode | string {
  try {
    return parse(text, { maxTokens });
  } catch (e) {
    return `does not parse: ${(e as Error).message}`;
  }
}

/** What is wrong with one document: its hash, its syntax, its operations, or what the gateway's validation says of it. */
function documentProblems(id: string, text: string, schema: GraphQLSchema, limits: Limits): string[] {
  const actual = documentHash(text);
  if (actual !== id) return [`not the sha256 of its document (that is ${actual})`];
  const doc = parsed(text, limits.maxTokens);
  if (typeof doc === 'string') return [doc];
  const operations = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operations.length) return ['holds no operation'];
  if (operations.some((o) => o.operation === OperationTypeNode.SUBSCRIPTION)) return ['holds a subscription, which the gateway does not serve'];
  return validate(schema, doc, [...specifiedRules, ...documentRules(limits, true)]).map((e) => e.message);
}

/**
 * Reads a persisted-documents manifest as graphql-codegen's client preset writes it ({ "<sha256 of the text>": "<document text>" },
 * with hashAlgorithm sha256) and checks every entry: the id is the sha256 of its text, which parses and validates against the schema.
 */
export function checkManifest(json: string, schema: GraphQLSchema, limits: Limits): ManifestCheck {
  let manifest: unknown;
  try {
    manifest = JSON.parse(json);
  } catch {
    return { entries: [], problems: ['the manifest is not JSON'] };
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    return { entries: [], problems: ['the manifest must be a JSON object mapping each document id to its text'] };
  }
  const entries = new Map<string, string>();
  const problems: string[] = [];
  for (const [key, text] of Object.entries(manifest)) {
    const id = documentIdOf(key);
    const found = id === null ? ['not a sha256 document id'] : typeof text !== 'string' ? ['its document is not a string'] : documentProblems(id, text, schema, limits);
    problems.push(...found.map((p) => `${key.slice(0, 80)}: ${p}`));
    if (!found.length) entries.set(id!, text as string);
  }
  if (!entries.size && !problems.length) problems.push('the manifest holds no documents');
  return { entries: [...entries].map(([id, text]) => ({ id, text })), problems };
}
