import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TourReviewAuthorsDocument } from '../generated/operations.js';
import { insertTour, OPERATORS } from '../bookings/booking.fixtures.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { insertPerson } from '../support/persons.js';
import { anonymous } from '../support/principals.js';

let app: InProcessApp;
beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app.close();
});

async function publicName(name: { firstName?: string; patronymic?: string; surname?: string }): Promise<string | null> {
  const id = await insertPerson(app, name);
  // A tour of its own, far in the future, so suites that read the first tours never meet these authors.
  const tourId = await insertTour(app.services.sql, { partnerId: OPERATORS[0], capacity: 10, startsInDays: 3650 });
  const [{ reviewId }] = await app.services.sql.rows<{ reviewId: string }>(
    't_name_review',
    `insert into reviews (id, author_id, tour_id, rating, text)
    values (gen_random_uuid(), $1, $2, 5, 'Хорошо') returning id as "reviewId"`,
    [id, tourId],
  );
  const { body } = await app.run(anonymous, TourReviewAuthorsDocument, { id: tourId });
  expect(body.errors).toBeUndefined();
  return body.data!.tour!.reviews.find((r) => r.id === reviewId)!.author!.fullName;
}

describe('the public name of a review author', () => {
  it('never shows a whole surname or patronymic: initials only where there is no first name', async () => {
    expect(await publicName({ surname: 'Кудайбергенов' })).toBe('К.');
    expect(await publicName({ patronymic: 'Нурланович', surname: 'Кудайбергенов' })).toBe('Н. К.');
    expect(await publicName({ firstName: 'Айгерим', patronymic: 'Нурлановна', surname: 'Касымова' })).toBe('Айгерим К.');
    expect(await publicName({ firstName: 'Айгерим' })).toBe('Айгерим');
  });
});
