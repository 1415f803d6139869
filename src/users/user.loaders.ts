import DataLoader from 'dataloader';
import { byKey } from '../graphql/group-by.js';
import type { LoadersFactory } from '../graphql/loaders.js';
import { personsByIds, type PersonRow } from './user.service.js';

declare module '../graphql/loaders.js' {
  interface Loaders {
    person: DataLoader<string, PersonRow | null>;
  }
}

export const userLoaders: LoadersFactory = ({ sql, vault }) => ({
  person: new DataLoader(async (ids) => byKey(ids, await personsByIds(sql, vault, ids), (r) => r.id)),
});
