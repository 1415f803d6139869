import DataLoader from 'dataloader';
import { byKey } from '../graphql/group-by.js';
import type { LoadersFactory } from '../graphql/loaders.js';
import { personsByIds, type PersonRow } from './user.service.js';

/** DataLoader over people that also answers synchronously for people primed from a statement that returned them. */
export class PersonLoader extends DataLoader<string, PersonRow | null> {
  private readonly primed = new Map<string, PersonRow>();

  override prime(id: string, row: PersonRow | null | Error): this {
    if (row && !(row instanceof Error) && !this.primed.has(id)) this.primed.set(id, row);
    return super.prime(id, row);
  }

  override clear(id: string): this {
    this.primed.delete(id);
    return super.clear(id);
  }

  override clearAll(): this {
    this.primed.clear();
    return super.clearAll();
  }

  // A list of primed people then resolves without a promise per row.
  primedOrLoad(id: string): PersonRow | Promise<PersonRow | null> {
    return this.primed.get(id) ?? this.load(id);
  }
}

declare module '../graphql/loaders.js' {
  interface Loaders {
    person: PersonLoader;
  }
}

export const userLoaders: LoadersFactory = ({ sql, vault }) => ({
  person: new PersonLoader(async (ids) => byKey(ids, await personsByIds(sql, vault, ids), (r) => r.id)),
});
