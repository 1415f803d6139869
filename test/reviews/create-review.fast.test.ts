import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateReviewDocument, TourReviewTextsDocument } from '../generated/operations.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { anonymous, client, traveller } from '../support/principals.js';
import { insertTour, OPERATORS, travellers } from '../bookings/booking.fixtures.js';

let app: InProcessApp;
let users: string[];
beforeAll(async () => {
  app = await openApp();
  users = await travellers(app.services.sql, 3, 25);
});
afterAll(async () => {
  await app.close();
});

/** A tour that ended last month with one booking of the given status. */
async function pastTourBookedBy(userId: string, status: 'COMPLETED' | 'PAID' | 'CANCELLED'): Promise<string> {
  const sql = app.services.sql;
  const tourId = await insertTour(sql, { partnerId: OPERATORS[7], capacity: 10, startsInDays: -40 });
  await sql.rows(
    't_past_booking',
    `insert into bookings (id, user_id, tour_id, seats, status, amount_kzt, idempotency_key, created_at)
    values (gen_random_uuid(), $1, $2, 1, $3, 50000, $4, now() - interval '60 days')`,
    [userId, tourId, status, randomUUID()],
  );
  return tourId;
}

const review = async (userId: string, tourId: string, rating: number, text: string) =>
  (await app.run(await traveller(app, userId), CreateReviewDocument, { tourId, rating, text })).body;

describe('createReview', () => {
  it('publishes the text with IINs, phones, e-mails and document numbers masked, says how many, and stores no raw value', async () => {
    const tourId = await pastTourBookedBy(users[0], 'COMPLETED');
    const text = 'Отличный гид! ИИН для договора 900101300811, телефон 8 701 234 56 78, почта guide(at)mail.kz, паспорт N12345678. Выезд 12.07.2026, 210 000 тг.';
    const body = await review(users[0], tourId, 5, text);
    expect(body.errors).toBeUndefined();
    const want = 'Отличный гид! ИИН для договора [IIN hidden], телефон [phone hidden], почта [e-mail hidden], паспорт [document hidden]. Выезд 12.07.2026, 210 000 тг.';
    expect(body.data!.createReview).toMatchObject({
      __typename: 'ReviewCreated',
      review: { rating: 5, text: want, author: { id: users[0] } },
      maskedCount: 4,
      masked: { iin: 1, phone: 1, email: 1, passport: 1 },
    });
    const [stored] = await app.services.sql.rows<{ text: string }>('t_review_text', 'select text from reviews where author_id = $1 and tour_id = $2', [users[0], tourId]);
    expect(stored.text).toBe(want);
    const published = await app.run(anonymous, TourReviewTextsDocument, { id: tourId });
    expect(published.body.data!.tour!.reviews.map((r) => r.text)).toEqual([want]);
  });

  it('takes one review per traveller and tour', async () => {
    const tourId = await pastTourBookedBy(users[1], 'COMPLETED');
    expect((await review(users[1], tourId, 4, 'Хорошо')).data!.createReview.__typename).toBe('ReviewCreated');
    expect((await review(users[1], tourId, 2, 'Передумал')).data!.createReview).toEqual({ __typename: 'ReviewRejected', reason: 'ALREADY_REVIEWED' });
  });

  it('refuses travellers without a completed booking of the tour', async () => {
    for (const status of ['PAID', 'CANCELLED'] as const) {
      const tourId = await pastTourBookedBy(users[2], status);
      expect((await review(users[2], tourId, 5, 'Не был, но осуждаю')).data!.createReview).toEqual({ __typename: 'ReviewRejected', reason: 'NO_COMPLETED_BOOKING' });
    }
    const elsewhere = await pastTourBookedBy(users[0], 'COMPLETED');
    expect((await review(users[2], elsewhere, 5, 'Чужой тур')).data!.createReview).toEqual({ __typename: 'ReviewRejected', reason: 'NO_COMPLETED_BOOKING' });
    expect((await review(users[2], randomUUID(), 5, 'Нет такого')).data!.createReview).toEqual({ __typename: 'ReviewRejected', reason: 'NO_COMPLETED_BOOKING' });
  });

  it('checks rating and text length', async () => {
    const tourId = await pastTourBookedBy(users[2], 'COMPLETED');
    for (const [rating, text, field] of [
      [0, 'ok', 'rating'],
      [6, 'ok', 'rating'],
      [5, 'я'.repeat(2001), 'text'],
      [5, '   ', 'text'],
    ] as const) {
      expect((await review(users[2], tourId, rating, text)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await review(users[2], tourId, 3, 'я'.repeat(2000))).data!.createReview.__typename).toBe('ReviewCreated');
  });

  it('is for travellers only', async () => {
    const tourId = await pastTourBookedBy(users[2], 'COMPLETED');
    const { body } = await app.run(await client(app, 'PARTNER', OPERATORS[7]), CreateReviewDocument, { tourId, rating: 5, text: 'Реклама' });
    expect(body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
