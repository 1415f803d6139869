import {
  getNamedType, getNullableType, GraphQLError, isCompositeType, isListType, isObjectType, Kind, type ASTVisitor,
  type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLSchema, type SelectionSetNode, type ValidationContext,
} from 'graphql';

export interface QueryLimits { maxDepth: number; maxAliases: number; maxCost: number; defaultListSize: number }

function tooComplex(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX' } });
}

interface Walk { depth: number; aliases: number; cost: number }

// One walk computes depth, aliases and cost; fragments are expanded, cycles are left to the spec rule.
interface Scope { schema: GraphQLSchema; frags: Map<string, FragmentDefinitionNode>; limits: QueryLimits; seen: Set<string>; acc: Walk }

// A list field multiplies the cost of what it selects by its `first` argument (or the default page size).
function walk(s: Scope, set: SelectionSetNode, parent: GraphQLCompositeType | undefined, depth: number, mult: number, pageSize?: number): void {
  const { acc, limits } = s;
  if (depth > acc.depth) acc.depth = depth;
  if (acc.depth > limits.maxDepth || acc.cost > limits.maxCost) return;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.alias) acc.aliases++;
      acc.cost += mult;
      if (!sel.selectionSet) continue;
      const def = parent && isObjectType(parent) ? parent.getFields()[sel.name.value] : undefined;
      const first = sel.arguments?.find((a) => a.name.value === 'first');
      const isList = !def || isListType(getNullableType(def.type));
      const given = first?.value.kind === Kind.INT ? Number(first.value.value) : undefined;
      const next = def ? getNamedType(def.type) : undefined;
      const child = next && isCompositeType(next) ? next : undefined;
      // A connection's `first` sizes the list inside it (tours(first) { nodes }).
      if (isList) walk(s, sel.selectionSet, child, depth + 1, mult * Math.max(1, given ?? pageSize ?? limits.defaultListSize));
      else walk(s, sel.selectionSet, child, depth + 1, mult, given);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      const t = sel.typeCondition ? s.schema.getType(sel.typeCondition.name.value) : parent;
      walk(s, sel.selectionSet, t && isCompositeType(t) ? t : undefined, depth, mult, pageSize);
    } else {
      const frag = s.frags.get(sel.name.value);
      if (!frag || s.seen.has(frag.name.value)) continue;
      const t = s.schema.getType(frag.typeCondition.name.value);
      s.seen.add(frag.name.value);
      walk(s, frag.selectionSet, t && isCompositeType(t) ? t : undefined, depth, mult, pageSize);
      s.seen.delete(frag.name.value);
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
        const schema = ctx.getSchema();
        const root = op.operation === 'query' ? schema.getQueryType() : op.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
        walk({ schema, frags, limits, seen: new Set(), acc }, op.selectionSet, root ?? undefined, 1, 1);
        if (acc.depth > limits.maxDepth) ctx.reportError(tooComplex(`Query depth exceeds ${limits.maxDepth}`));
        else if (acc.aliases > limits.maxAliases) ctx.reportError(tooComplex(`Query uses more than ${limits.maxAliases} aliases`));
        else if (acc.cost > limits.maxCost) ctx.reportError(tooComplex(`Query cost exceeds ${limits.maxCost}`));
      },
    };
  };
}
