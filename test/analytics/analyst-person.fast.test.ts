import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '../../src/access/principal.js';
import { PersonByIdDocument, TourReviewAuthorsDocument } from '../generated/operations.js';
import { freshTraveller, publishedReview, type FreshUser } from '../rights/fresh-user.fixtures.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { staff } from '../support/principals.js';

let app: InProcessApp;
let u: FreshUser;
let analyst: Principal;
beforeAll(async () => {
  app = await openApp();
  u = await freshTraveller(app);
  analyst = await staff(app, 'analyst');
});
afterAll(async () => {
  await app.close();
});

describe('analysts never see user ids', () => {
  it('person(id) answers an analyst with a keyed pseudonym for the id and nothing that identifies', async () => {
    const { body } = await app.run(analyst, PersonByIdDocument, { id: u.id });
    expect(body.errors).toBeUndefined();
    const text = JSON.stringify(body.data);
    expect(body.data!.person!.id).toMatch(/^ps_[A-Za-z0-9_-]{43}$/);
    for (const v of [u.id, u.phone, u.surname, u.firstName, u.email, u.iin, u.passport, u.telegram]) expect(text).not.toContain(v);
  });

  it('review authors reach an analyst as pseudonyms too', async () => {
    const { tourId } = await publishedReview(app, u.id, 'Отлично');
    const { body } = await app.run(analyst, TourReviewAuthorsDocument, { id: tourId });
    expect(body.errors).toBeUndefined();
    const ids = body.data!.tour!.reviews.map((r) => r.author?.id).filter((id): id is string => !!id);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^ps_/);
  });
});
