import { isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type Class = abstract new (...args: never[]) => unknown;

// The class, its superclasses and its interfaces: every place a field of the type can take a resolver or a middleware from.
function lineage(target: Class, interfaces: readonly Class[]): Set<Class> {
  const out = new Set<Class>(interfaces);
  for (let c: unknown = target; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) out.add(c as Class);
  return out;
}

export type FieldResolverMeta = ReturnType<typeof getMetadataStorage>['fieldResolvers'][number];

/**
 * Each field of the schema's type-graphql object types, with the classes it can take a resolver or a middleware from and the
 * @FieldResolver that resolves it, if any.
 */
export function* typeGraphqlFields(schema: GraphQLSchema): Generator<{ field: GraphQLField<unknown, unknown>; classes: Set<Class>; resolver: FieldResolverMeta | undefined }> {
  const storage = getMetadataStorage();
  const byType = new Map<Class, Map<string, FieldResolverMeta>>();
  for (const r of storage.fieldResolvers) {
    const target = r.getObjectType?.() as Class | undefined;
    if (!target) continue;
    const fields = byType.get(target) ?? new Map<string, FieldResolverMeta>();
    fields.set(r.schemaName, r);
    byType.set(target, fields);
  }
  for (const meta of storage.objectTypes) {
    const type = schema.getType(meta.name);
    if (!type || !isObjectType(type)) continue;
    const classes = lineage(meta.target as Class, (meta.interfaceClasses ?? []) as Class[]);
    for (const field of Object.values(type.getFields())) {
      yield { field, classes, resolver: [...classes].map((c) => byType.get(c)?.get(field.name)).find(Boolean) };
    }
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
  let dropped = 0;
  for (const { field, classes, resolver } of typeGraphqlFields(schema)) {
    if (!field.resolve) continue;
    const decorated = storage.fields.some(
      (f) => classes.has(f.target as Class) && f.schemaName === field.name && (f.name !== f.schemaName || (f.middlewares?.length ?? 0) > 0 || (f.roles?.length ?? 0) > 0),
    );
    if (resolver || decorated) continue;
    field.resolve = undefined;
    dropped++;
  }
  return dropped;
}
