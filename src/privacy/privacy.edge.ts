import type { Edge } from './privacy.vocabulary.js';

/** Facts about the edge's anchor, read in the same statement as the anchor itself (a booking, a payment). */
export interface EdgeFacts {
  /** The company the anchor relates the person to: the tour's partner, the payment's provider. */
  readonly holderId: string;
  readonly holderCountry: string;
  /** The anchor is active and inside its stored window, by the database's clock. */
  readonly open: boolean;
  /** The person's active consent purposes. */
  readonly consents: readonly string[];
}

/** How a person object was reached: the edge, the record it came through, and that record's facts where they decide. */
export interface Via {
  readonly edge: Edge;
  readonly anchor: string | null;
  readonly facts?: EdgeFacts;
}

export interface Reached {
  readonly id: string;
  readonly via?: Via;
}

/** A person reached through any field the policy does not name shows only the public view. */
export const PUBLIC_VIA: Via = Object.freeze({ edge: 'PUBLIC', anchor: null });

/** The same person row, marked with the edge that reached it; each edge gets its own object, so relations never leak across edges. */
export function reachedVia<T extends object>(row: T, edge: Edge, anchor: string | null, facts?: EdgeFacts): T & { via: Via } {
  const via: Via = facts ? { edge, anchor, facts } : { edge, anchor };
  // A row of a class (a person whose record opens on first read) keeps its class: a spread would drop its accessors.
  if (Object.getPrototypeOf(row) === Object.prototype) return { ...row, via };
  return Object.assign(Object.create(Object.getPrototypeOf(row) as object) as T, row, { via });
}
