import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { getMetadataStorage, type BuildSchemaOptions } from 'type-graphql';
import { typeGraphqlFields, type FieldResolverMeta } from './plain-fields.js';

type Param = NonNullable<FieldResolverMeta['params']>[number];
type ParamReader = (root: Record<string, unknown>, args: Record<string, unknown>, ctx: Record<string, unknown>, info: unknown) => unknown;

// A class type-graphql would copy a root into: harmless to skip only when the copy is the same properties (no methods, no defaults).
function copiesOnly(type: unknown): boolean {
  if (typeof type !== 'function' || !type.prototype) return true;
  if (Object.getOwnPropertyNames(type.prototype).some((p) => p !== 'constructor')) return false;
  try {
    return Object.values(new (type as new () => object)()).every((v) => v === undefined);
  } catch {
    return false;
  }
}

// Reads one parameter as type-graphql would for this field, or null where only type-graphql's own handling is exact.
function reader(p: Param, inputTypes: ReadonlySet<unknown>): ParamReader | null {
  switch (p.kind) {
    case 'root': {
      if (!copiesOnly(p.getType?.())) return null;
      const prop = p.propertyName;
      return prop ? (root) => root[prop] : (root) => root;
    }
    case 'context': {
      const prop = p.propertyName;
      return prop ? (_r, _a, ctx) => ctx[prop] : (_r, _a, ctx) => ctx;
    }
    case 'info':
      return (_r, _a, _c, info) => info;
    case 'arg': {
      // Scalar and enum arguments pass through type-graphql unchanged (validation is off); input objects are converted, so they stay.
      if (p.validateFn || p.validateSettings !== undefined || inputTypes.has(p.getType())) return null;
      const name = p.name;
      return (_r, args) => args[name];
    }
    default:
      return null;
  }
}

/**
 * type-graphql calls a field resolver through its dispatcher: the resolver instance looked up in its container, the parameters
 * sorted and read, the root copied into the type's class, and any argument made a promise by its (disabled) validation. Where
 * the field has no middleware or role and its parameters are read plainly, the method is called directly on one instance of
 * its resolver class (type-graphql's own container keeps one too), so a synchronous resolver stays synchronous. A schema built
 * with global middlewares, an auth checker or a container of its own is left as it is. Returns how many fields were rewired.
 */
export function directFieldResolvers(schema: GraphQLSchema, built: Pick<BuildSchemaOptions, 'globalMiddlewares' | 'authChecker' | 'container'>): number {
  if (built.globalMiddlewares?.length || built.authChecker || built.container) return 0;
  const storage = getMetadataStorage();
  const inputTypes = new Set<unknown>(storage.inputTypes.map((t) => t.target));
  const instances = new Map<unknown, Record<string, (...a: unknown[]) => unknown>>();
  let rewired = 0;
  for (const { field, resolver: r } of typeGraphqlFields(schema)) {
    if (!r || r.kind !== 'external' || !field.resolve || r.middlewares?.length || r.roles?.length) continue;
    const readers = [...(r.params ?? [])].sort((a, b) => a.index - b.index).map((p) => reader(p, inputTypes));
    if (readers.some((x) => x === null)) continue;
    const read = readers as ParamReader[];
    let instance = instances.get(r.target);
    if (!instance) instances.set(r.target, (instance = new (r.target as new () => Record<string, (...a: unknown[]) => unknown>)()));
    const self = instance;
    const method = self[r.methodName];
    const resolve: GraphQLFieldResolver<Record<string, unknown>, Record<string, unknown>, Record<string, unknown>> = (root, args, ctx, info) =>
      method.apply(
        self,
        read.map((f) => f(root, args, ctx, info)),
      );
    field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
    rewired++;
  }
  return rewired;
}
