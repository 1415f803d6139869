import {
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  OperationTypeNode,
  parse,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
  type FragmentDefinitionNode,
} from 'graphql';

/** `Type.field` -> personal data kind, from the schema's @pii directives (kept in the SDL the gateway serves). */
export function piiFieldsOf(schema: GraphQLSchema): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(isObjectType(type) || isInterfaceType(type)) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const arg = field.astNode?.directives?.find((d) => d.name.value === 'pii')?.arguments?.find((a) => a.name.value === 'kind')?.value;
      if (arg?.kind === Kind.ENUM) fields[`${type.name}.${field.name}`] = arg.value;
    }
  }
  return fields;
}

/** A response path without its list indices, e.g. partnerBookings.nodes.traveller.iin. */
export const pathKey = (path: readonly (string | number)[]): string => path.filter((p) => typeof p === 'string').join('.');

/**
 * Which response paths of this operation carry personal data, and of which kind: the schema's @pii fields (`Type.field` -> kind),
 * found by walking the operation with the schema, aliases and fragments included.
 */
export function piiPaths(schema: GraphQLSchema | null, piiFields: Record<string, string>, query: string, operationName: string | null): Map<string, string> {
  const found = new Map<string, string>();
  if (!schema) return found;
  let doc;
  try {
    doc = parse(query);
  } catch {
    return found;
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const ops = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const op = ops.find((d) => !operationName || d.name?.value === operationName) ?? ops[0];
  if (!op) return found;
  const root = op.operation === OperationTypeNode.MUTATION ? schema.getMutationType() : schema.getQueryType();

  const walk = (set: SelectionSetNode, type: GraphQLCompositeType, prefix: string[], seen: ReadonlySet<string>) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const key = [...prefix, sel.alias?.value ?? sel.name.value];
        const pii = piiFields[`${type.name}.${sel.name.value}`];
        if (pii) found.set(key.join('.'), pii);
        const field = 'getFields' in type ? type.getFields()[sel.name.value] : undefined;
        const next = field && getNamedType(field.type);
        if (sel.selectionSet && next && isCompositeType(next)) walk(sel.selectionSet, next, key, seen);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const cond = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type;
        if (cond && isCompositeType(cond)) walk(sel.selectionSet, cond, prefix, seen);
      } else {
        const frag = fragments.get(sel.name.value);
        const cond = frag && schema.getType(frag.typeCondition.name.value);
        // A fragment spread inside itself is invalid anyway; never loop on one.
        if (frag && cond && isCompositeType(cond) && !seen.has(frag.name.value)) walk(frag.selectionSet, cond, prefix, new Set([...seen, frag.name.value]));
      }
    }
  };
  if (root) walk(op.selectionSet, root, [], new Set());
  return found;
}
