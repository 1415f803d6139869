import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { PersonByIdDocument, TourReviewAuthorsDocument } from '../generated/operations.js';
import { freshTraveller, publishedReview, type FreshUser } from '../rights/fresh-user.fixtures.js';
import { startTestGateway } from '../support/gateway.js';
import { gql } from '../support/http.js';
import { bearer, tokenFor } from '../support/tokens.js';

let gw: RunningGateway;
let u: FreshUser;
let analyst: Record<string, string>;
beforeAll(async () => {
  gw = await startTestGateway();
  u = await freshTraveller(gw);
  analyst = bearer(await tokenFor(gw, 'ANALYST', { sub: DEMO_STAFF.analyst.id }));
});
afterAll(async () => {
  await gw.close();
});

describe('analysts never see user ids', () => {
  it('person(id) answers an analyst with a keyed pseudonym for the id and nothing that identifies', async () => {
    const { body } = await gql(gw.url, PersonByIdDocument, { id: u.id }, analyst);
    expect(body.errors).toBeUndefined();
    const text = JSON.stringify(body.data);
    expect(body.data!.person!.id).toMatch(/^ps_[A-Za-z0-9_-]{43}$/);
    for (const v of [u.id, u.phone, u.surname, u.firstName, u.email, u.iin, u.passport, u.telegram]) expect(text).not.toContain(v);
  });

  it('review authors reach an analyst as pseudonyms too', async () => {
    const { tourId } = await publishedReview(gw, u.id, 'Отлично');
    const { body } = await gql(gw.url, TourReviewAuthorsDocument, { id: tourId }, analyst);
    expect(body.errors).toBeUndefined();
    const ids = body.data!.tour!.reviews.map((r) => r.author?.id).filter((id): id is string => !!id);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^ps_/);
  });
});
