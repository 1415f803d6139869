import { deny } from 'graphql-shield';
import type { RuleTree } from './rule-tree.js';

/**
 * The features' rule trees as one: every root field names its rule, anything unlisted is denied; other types appear only where
 * a field needs a check. Two features naming the same field is a mistake, refused at start.
 */
export function composeAccessRules(trees: readonly RuleTree[]): RuleTree {
  const out: RuleTree = { Query: { '*': deny }, Mutation: { '*': deny } };
  for (const tree of trees) {
    for (const [type, fields] of Object.entries(tree)) {
      const into = (out[type] ??= {});
      for (const [field, rule] of Object.entries(fields)) {
        if (field in into) throw new Error(`two access rules for ${type}.${field}`);
        into[field] = rule;
      }
    }
  }
  return out;
}
