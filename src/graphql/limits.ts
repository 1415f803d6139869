import {
  GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext,
} from 'graphql';

export interface QueryLimits { maxDepth: number; maxAliases: number; maxCost: number; defaultListSize: number }

function tooComplex(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX' } });
}

interface Walk { depth: number; aliases: number; cost: number }

// One walk computes depth, aliases and cost; fragments are expanded, cycles are left to the spec rule.
function walk(set: SelectionSetNode, frags: Map<string, FragmentDefinitionNode>, limits: QueryLimits, depth: number, mult: number, seen: Set<string>, acc: Walk): void {
  if (depth > acc.depth) acc.depth = depth;
  if (acc.depth > limits.maxDepth || acc.cost > limits.maxCost) return;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.alias) acc.aliases++;
      if (!sel.selectionSet) { acc.cost += mult; continue; }
      const first = sel.arguments?.find((a) => a.name.value === 'first');
      const size = first?.value.kind === Kind.INT ? Number(first.value.value) : limits.defaultListSize;
      acc.cost += mult;
      walk(sel.selectionSet, frags, limits, depth + 1, mult * Math.max(1, size), seen, acc);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      walk(sel.selectionSet, frags, limits, depth, mult, seen, acc);
    } else {
      const frag = frags.get(sel.name.value);
      if (!frag || seen.has(frag.name.value)) continue;
      seen.add(frag.name.value);
      walk(frag.selectionSet, frags, limits, depth, mult, seen, acc);
      seen.delete(frag.name.value);
    }
  }
}

/** A validation rule rejecting deep, alias-heavy or expensive operations before execution. */
export function queryLimitsRule(limits: QueryLimits) {
  return (ctx: ValidationContext): ASTVisitor => {
    const frags = new Map(ctx.getDocument().definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]));
    return {
      OperationDefinition(op) {
        const acc: Walk = { depth: 0, aliases: 0, cost: 0 };
        walk(op.selectionSet, frags, limits, 1, 1, new Set(), acc);
        if (acc.depth > limits.maxDepth) ctx.reportError(tooComplex(`Query depth exceeds ${limits.maxDepth}`));
        else if (acc.aliases > limits.maxAliases) ctx.reportError(tooComplex(`Query uses more than ${limits.maxAliases} aliases`));
        else if (acc.cost > limits.maxCost) ctx.reportError(tooComplex(`Query cost exceeds ${limits.maxCost}`));
      },
    };
  };
}
