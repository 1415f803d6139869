import { isUnionType, type GraphQLSchema, type GraphQLTypeResolver } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * type-graphql wraps a union's own resolveType in an async function, so every union value costs a promise, and graphql-jit
 * (which calls resolveType synchronously) cannot use it at all. The same mapping from class to type name, synchronous:
 * a resolveType that returns a promise still works on graphql-js. Returns how many unions were rewired.
 */
export function syncUnionTypeResolvers(schema: GraphQLSchema): number {
  const storage = getMetadataStorage();
  const nameOf = new Map<unknown, string>(storage.objectTypes.map((o) => [o.target, o.name]));
  let rewired = 0;
  for (const meta of storage.unions) {
    const own = meta.resolveType;
    const type = schema.getType(meta.name);
    if (!own || !type || !isUnionType(type)) continue;
    const toName = (r: unknown): string | undefined => (r == null ? undefined : typeof r === 'string' ? r : nameOf.get(r));
    const resolveType: GraphQLTypeResolver<unknown, unknown> = (value, ctx, info, abstractType) => {
      const r: unknown = own(value, ctx, info, abstractType);
      return r instanceof Promise ? r.then(toName) : toName(r);
    };
    type.resolveType = resolveType;
    rewired++;
  }
  return rewired;
}
