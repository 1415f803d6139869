import { isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

export type Class = abstract new (...args: never[]) => unknown;

// The class, its superclasses and its interfaces: every place a field of the type can take a resolver or a middleware from.
function lineage(target: Class, interfaces: readonly Class[]): Set<Class> {
  const out = new Set<Class>(interfaces);
  for (let c: unknown = target; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) out.add(c as Class);
  return out;
}

/** Each field of the schema's type-graphql object types, with the classes it can take a resolver or a middleware from. */
export function* typeGraphqlFields(schema: GraphQLSchema): Generator<{ field: GraphQLField<unknown, unknown>; classes: Set<Class> }> {
  for (const meta of getMetadataStorage().objectTypes) {
    const type = schema.getType(meta.name);
    if (!type || !isObjectType(type)) continue;
    const classes = lineage(meta.target as Class, (meta.interfaceClasses ?? []) as Class[]);
    for (const field of Object.values(type.getFields())) yield { field, classes };
  }
}

/**
 * type-graphql gives every object field a resolver (`root[name]` behind its middleware dispatcher) unless the class is marked
 * simple. A field with no field resolver, middleware or role is a plain property read: without its resolver graphql-js takes
 * its default one and graphql-jit compiles the read inline (no call, no resolve info, no promise check per value).
 * Returns how many resolvers were dropped.
 */
export function dropPlainFieldResolvers(schema: GraphQLSchema): number {
  const storage = getMetadataStorage();
  const resolvedBy = new Map<Class, Set<string>>();
  for (const r of storage.fieldResolvers) {
    const target = r.getObjectType?.() as Class | undefined;
    if (!target) continue;
    const names = resolvedBy.get(target) ?? new Set<string>();
    names.add(r.schemaName);
    resolvedBy.set(target, names);
  }
  let dropped = 0;
  for (const { field, classes } of typeGraphqlFields(schema)) {
    if (!field.resolve) continue;
    const hasResolver = [...classes].some((c) => resolvedBy.get(c)?.has(field.name));
    const decorated = storage.fields.some(
      (f) => classes.has(f.target as Class) && f.schemaName === field.name && (f.name !== f.schemaName || (f.middlewares?.length ?? 0) > 0 || (f.roles?.length ?? 0) > 0),
    );
    if (hasResolver || decorated) continue;
    field.resolve = undefined;
    dropped++;
  }
  return dropped;
}
