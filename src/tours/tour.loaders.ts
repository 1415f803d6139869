import DataLoader from 'dataloader';
import { byKey } from '../graphql/group-by.js';
import type { LoadersFactory } from '../graphql/loaders.js';
import { partnersByIds, toursByIds, type TourRow } from './tour.service.js';

declare module '../graphql/loaders.js' {
  interface Loaders {
    tour: DataLoader<string, TourRow | null>;
    partner: DataLoader<string, { id: string; name: string } | null>;
  }
}

export const tourLoaders: LoadersFactory = ({ sql }) => ({
  tour: new DataLoader(async (ids) => byKey(ids, await toursByIds(sql, ids), (r) => r.id)),
  partner: new DataLoader(async (ids) => byKey(ids, await partnersByIds(sql, ids), (r) => r.id)),
});
