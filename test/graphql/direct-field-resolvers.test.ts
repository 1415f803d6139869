import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { execute, parse, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { Arg, Ctx, type MiddlewareFn, Field, FieldResolver, ID, InputType, Int, ObjectType, Query, Resolver, Root, UseMiddleware, buildSchema } from 'type-graphql';
import { directFieldResolvers } from '../../src/graphql/direct-field-resolvers.js';

@ObjectType('DirectItem')
class Item {
  @Field(() => ID)
  id!: string;
}

@InputType('DirectRange')
class Range {
  @Field(() => Int)
  from!: number;
}

// A class with a default: type-graphql copies a root into it, so a resolver rooted in it stays on type-graphql's dispatcher.
@ObjectType('DirectDefaulted')
class Defaulted {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  label: string = 'default';
}

@Resolver(() => Item)
class ItemResolver {
  @Query(() => [Item])
  items(): Item[] {
    return [{ id: 'a' }, { id: 'b' }];
  }

  @FieldResolver(() => String)
  tagged(@Root() item: Item, @Ctx() ctx: { tag: string }, @Arg('suffix', () => String, { nullable: true }) suffix: string | null): string {
    return `${ctx.tag}:${item.id}${suffix ?? ''}`;
  }

  @FieldResolver(() => Int)
  fromRange(@Arg('range', () => Range) range: Range): number {
    return range.from;
  }

  @FieldResolver(() => String)
  @UseMiddleware(async (_, next) => `mw:${String(await next())}`)
  wrapped(@Root() item: Item): string {
    return item.id;
  }
}

@Resolver(() => Defaulted)
class DefaultedResolver {
  @Query(() => Defaulted)
  defaulted(): Pick<Defaulted, 'id'> {
    return { id: 'd' };
  }

  @FieldResolver(() => String)
  shown(@Root() d: Defaulted): string {
    return `${d.id}/${d.label}`;
  }
}

const build = (globalMiddlewares?: MiddlewareFn[]) => buildSchema({ resolvers: [ItemResolver, DefaultedResolver], validate: false, globalMiddlewares });
const resolverOf = (schema: GraphQLSchema, type: string, field: string) => (schema.getType(type) as GraphQLObjectType).getFields()[field].resolve;
const QUERY = parse('{ items { id tagged(suffix: "!") fromRange(range: { from: 3 }) wrapped } defaulted { shown } }');

describe('direct field resolvers', () => {
  it('answers exactly as type-graphql does', async () => {
    const [theirs, ours] = [await build(), await build()];
    directFieldResolvers(ours, {});
    const run = (schema: GraphQLSchema) => execute({ schema, document: QUERY, contextValue: { tag: 't' } });
    const expected = await run(theirs);
    expect(expected.errors).toBeUndefined();
    expect(await run(ours)).toEqual(expected);
    expect(expected.data).toEqual({
      items: [
        { id: 'a', tagged: 't:a!', fromRange: 3, wrapped: 'mw:a' },
        { id: 'b', tagged: 't:b!', fromRange: 3, wrapped: 'mw:b' },
      ],
      defaulted: { shown: 'd/default' },
    });
  });

  it('rewires only fields with plainly read parameters, and a synchronous method then answers without a promise', async () => {
    const schema = await build();
    const before = ['tagged', 'fromRange', 'wrapped'].map((f) => resolverOf(schema, 'DirectItem', f));
    const shown = resolverOf(schema, 'DirectDefaulted', 'shown');
    expect(directFieldResolvers(schema, {})).toBe(1);
    expect(resolverOf(schema, 'DirectItem', 'tagged')).not.toBe(before[0]);
    // An input object is converted into its class, a middleware runs around the method, a root class with defaults is copied.
    expect(resolverOf(schema, 'DirectItem', 'fromRange')).toBe(before[1]);
    expect(resolverOf(schema, 'DirectItem', 'wrapped')).toBe(before[2]);
    expect(resolverOf(schema, 'DirectDefaulted', 'shown')).toBe(shown);
    const tagged = resolverOf(schema, 'DirectItem', 'tagged')!;
    expect(tagged({ id: 'x' }, { suffix: null }, { tag: 'q' }, {} as never)).toBe('q:x');
  });

  it('leaves a schema built with a global middleware as it is: the middleware must run around every resolver', async () => {
    const globalMiddlewares: MiddlewareFn[] = [async (_, next) => next()];
    const schema = await build(globalMiddlewares);
    const tagged = resolverOf(schema, 'DirectItem', 'tagged');
    expect(directFieldResolvers(schema, { globalMiddlewares })).toBe(0);
    expect(resolverOf(schema, 'DirectItem', 'tagged')).toBe(tagged);
  });
});
