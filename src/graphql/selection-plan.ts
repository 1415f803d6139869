import { getNamedType, isObjectType, Kind, type FieldNode, type GraphQLField, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** A field the document selects below the resolving one: its node, and its definition for reading its arguments. */
export interface SelectedField {
  readonly node: FieldNode;
  readonly def: GraphQLField<unknown, unknown>;
}

// The one field named `name` in a selection set, fragments followed; null where it is absent, selected twice, or under a directive.
function only(set: SelectionSetNode | undefined, name: string, info: GraphQLResolveInfo): FieldNode | null | 'ambiguous' {
  let found: FieldNode | null = null;
  for (const s of set?.selections ?? []) {
    if (s.directives?.length) return 'ambiguous';
    const inner =
      s.kind === Kind.FIELD ? (s.name.value === name ? s : null) : only(s.kind === Kind.INLINE_FRAGMENT ? s.selectionSet : info.fragments[s.name.value]?.selectionSet, name, info);
    if (inner === 'ambiguous' || (inner && found)) return 'ambiguous';
    found = inner ?? found;
  }
  return found;
}

/** The field at `path` (field names) below the resolving field, or null where the document does not select it exactly once. */
export function selectedField(info: GraphQLResolveInfo, path: readonly string[]): SelectedField | null {
  if (info.fieldNodes.length !== 1) return null;
  let node = info.fieldNodes[0];
  let type = getNamedType(info.returnType);
  let def: GraphQLField<unknown, unknown> | undefined;
  for (const name of path) {
    if (!isObjectType(type)) return null;
    const next = only(node.selectionSet, name, info);
    def = type.getFields()[name];
    if (!next || next === 'ambiguous' || !def) return null;
    node = next;
    type = getNamedType(def.type);
  }
  return def ? { node, def } : null;
}

/** Memoizes a plan per document: the resolving field's node is the same object each time a cached document runs. */
export function perDocument<T>(plan: (info: GraphQLResolveInfo) => T): (info: GraphQLResolveInfo) => T {
  const plans = new WeakMap<FieldNode, { value: T }>();
  return (info) => {
    const key = info.fieldNodes[0];
    let hit = plans.get(key);
    if (!hit) plans.set(key, (hit = { value: plan(info) }));
    return hit.value;
  };
}
