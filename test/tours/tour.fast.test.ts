import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ToursPageDocument, TourByIdDocument, ToursWithReviewsDocument } from '../generated/operations.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { anonymous } from '../support/principals.js';

let app: InProcessApp;
beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app.close();
});

describe('public tours API', () => {
  it('filters by region and start date', async () => {
    const { body } = await app.run(anonymous, ToursPageDocument, { first: 100, region: 'ALMATY', startsFrom: '2026-07-01', startsTo: '2027-12-31' });
    const nodes = body.data!.tours.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes) {
      expect(n.region).toBe('ALMATY');
      expect(n.startsOn >= '2026-07-01' && n.startsOn <= '2027-12-31').toBe(true);
    }
  });

  it('returns one tour by id', async () => {
    const list = await app.run(anonymous, ToursPageDocument, { first: 1 });
    const id = list.body.data!.tours.nodes[0].id;
    const { body } = await app.run(anonymous, TourByIdDocument, { id });
    expect(body.data!.tour!.id).toBe(id);
    expect(body.data!.tour!.partner.name.length).toBeGreaterThan(0);
  });

  it('shows review authors by display name only (erased authors by none)', async () => {
    const { body } = await app.run(anonymous, ToursWithReviewsDocument, { first: 50, reviews: 5 });
    const reviews = body.data!.tours.nodes.flatMap((t) => t.reviews);
    expect(reviews.length).toBeGreaterThan(0);
    // Authors are found by review: the public author id is a handle per review, never the account id.
    const byErasedAuthors = new Set(
      (await app.services.sql.rows<{ id: string }>('t_deleted_reviews', "select r.id from reviews r join users u on u.id = r.author_id where u.status = 'DELETED'")).map(
        (r) => r.id,
      ),
    );
    for (const r of reviews) {
      // An account erased through the gateway leaves its reviews without an author.
      if (r.author === null) continue;
      if (byErasedAuthors.has(r.id)) expect(r.author.fullName).toBeNull();
      else expect(r.author.fullName).toMatch(/^\S+ \S\.$/u);
    }
  });
});
