import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { maskFreeText, STORED_TEXT_LANGUAGE } from '../../src/privacy/free-text.masks.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { FileComplaintDocument, StaffComplaintsDocument, TourReviewTextsDocument, WithdrawConsentDocument } from '../generated/operations.js';
import { freshTraveller, grantConsents, paidUpcomingBooking, publishedReview } from '../rights/fresh-user.fixtures.js';
import { startTestGateway } from '../support/gateway.js';
import { gql, postQuery, postRaw } from '../support/http.js';
import { lockTable } from '../support/faults.js';
import { bearer, tokenFor } from '../support/tokens.js';

const MISSING = '00000000-0000-4000-8000-000000000000';
const WRITTEN = 'Звоните +7 701 234 56 78, ИИН 900101300811, почта guide(at)mail.kz, паспорт N12345678';
const MASKED = {
  en: 'Звоните [phone hidden], ИИН [IIN hidden], почта [e-mail hidden], паспорт [document hidden]',
  ru: 'Звоните [телефон скрыт], ИИН [ИИН скрыт], почта [e-mail скрыт], паспорт [документ скрыт]',
  kk: 'Звоните [телефон жасырылған], ИИН [ЖСН жасырылған], почта [e-mail жасырылған], паспорт [құжат жасырылған]',
};
// The same request in each language, with the header as clients send it; no header and unknown languages get English.
const ASKED = [
  ['ru', { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.8' }],
  ['kk', { 'accept-language': 'kk-KZ' }],
  ['en', { 'accept-language': 'en' }],
  ['en', {}],
  ['en', { 'accept-language': 'de-DE,fr;q=0.9' }],
  ['kk', { 'accept-language': 'en;q=0.3, ru;q=0.5, kk;q=0.9' }],
] as const;
const lang = (language: string) => ({ 'accept-language': language });

let gw: RunningGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw.close();
});

describe("error messages in the caller's language, over HTTP", () => {
  const NOT_FOUND = { en: 'Tour not found', ru: 'Тур не найден', kk: 'Тур табылмады' };

  it.each(ASKED)('a missing tour answers in %s to %j, with the code unchanged', async (language, headers) => {
    const res = await postQuery(gw.url, `{ tours(first: 1) { nodes { id } } tour(id: "${MISSING}") { id } }`, undefined, headers);
    expect(res.status).toBe(200);
    expect(res.body.data.tour).toBeNull();
    expect(res.body.errors).toEqual([{ message: NOT_FOUND[language], locations: expect.any(Array), path: ['tour'], extensions: { code: 'NOT_FOUND' } }]);
    expect(res.headers.get('content-language')).toBe(language);
    expect(res.headers.get('vary')).toMatch(/Accept-Language/);
  });

  it("carries the parts of a message over (field names, limits) and keeps graphql-js's own words after a translated lead", async () => {
    const tooMany = (l: string) => postQuery(gw.url, '{ tours(first: 1000) { nodes { id } } }', undefined, lang(l));
    expect((await tooMany('en')).body.errors[0]).toMatchObject({ message: 'first must be between 1 and 100', extensions: { code: 'BAD_USER_INPUT' } });
    expect((await tooMany('ru')).body.errors[0]).toMatchObject({ message: 'Поле first должно быть от 1 до 100', extensions: { code: 'BAD_USER_INPUT' } });
    expect((await tooMany('kk')).body.errors[0]).toMatchObject({ message: 'first өрісі 1–100 аралығында болуы керек', extensions: { code: 'BAD_USER_INPUT' } });
    const invalid = await postQuery(gw.url, '{ tours(first: 1) { nodes { nope } } }', undefined, lang('kk'));
    expect(invalid.status).toBe(400);
    // The unknown name is the caller's and is withheld, in the language of the message.
    expect(invalid.body.errors[0]).toMatchObject({
      message: 'Сұрау схемаға сәйкес келмейді: Cannot query field "[мән жасырылған]" on type "Tour".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it("answers an unauthenticated call and Apollo's refusal of a malformed request in the language asked for", async () => {
    const anonymous = await postQuery(gw.url, '{ me { id } }', undefined, lang('ru'));
    expect(anonymous.body.errors[0]).toMatchObject({ message: 'Нужно войти в систему', extensions: { code: 'UNAUTHENTICATED' } });
    const empty = await postRaw(gw.url, '{}', lang('kk'));
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toEqual([{ message: 'POST сұрауының денесі жоқ, Content-Type қате немесе JSON нысанында кілттер жоқ.', extensions: { code: 'BAD_REQUEST' } }]);
    expect(empty.headers.get('content-language')).toBe('kk');
    expect((await postRaw(gw.url, '{}')).body.errors[0].message).toBe('POST body missing, invalid Content-Type, or JSON object has no keys.');
  });

  it('translates a refused token in the body; the WWW-Authenticate challenge stays English (RFC 6750 allows ASCII only)', async () => {
    const res = await postQuery(gw.url, '{ __typename }', undefined, { authorization: 'Bearer ', ...lang('kk') });
    expect(res.status).toBe(401);
    expect(res.body.errors[0]).toMatchObject({ message: 'Authorization тақырыбының немесе қолжетімділік токенінің пішімі қате', extensions: { code: 'TOKEN_MALFORMED' } });
    expect(res.headers.get('www-authenticate')).toContain('error_description="The Authorization header or the access token is malformed"');
  });

  it("words a refusal returned as a union result in the caller's language", async () => {
    const u = await freshTraveller(gw);
    await grantConsents(gw, u.id, ['TOUR_BOOKING']);
    await paidUpcomingBooking(gw, u.id);
    const user = bearer(await tokenFor(gw, 'USER', { sub: u.id }));
    const refused = await gql(gw.url, WithdrawConsentDocument, { purpose: 'TOUR_BOOKING' }, { ...user, ...lang('ru') });
    expect(refused.body.data!.withdrawConsent).toEqual({
      __typename: 'ConsentWithdrawalRefused',
      reason: 'OBLIGATION_PENDING',
      message: 'Согласие на бронирование туров нельзя отозвать, пока не закончился оплаченный тур; это можно сделать после окончания тура или отмены бронирования',
    });
  });

  it("keeps OAuth error codes and the ASCII error_description, and adds the description in the caller's language beside it", async () => {
    const token = (headers: Record<string, string>) => fetch(`${gw.url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
    const kk = await token(lang('kk'));
    expect(kk.status).toBe(400);
    expect(await kk.json()).toEqual({
      error: 'invalid_request',
      error_description: 'The request body must be application/x-www-form-urlencoded',
      'error_description#kk': 'Сұрау денесі application/x-www-form-urlencoded пішімінде болуы керек',
    });
    expect(await (await token({})).json()).toEqual({ error: 'invalid_request', error_description: 'The request body must be application/x-www-form-urlencoded' });
  });
});

describe("429 and 503 bodies in the caller's language", () => {
  it('a caller over its rate limit', async () => {
    const limited = await startTestGateway({ RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1' });
    try {
      expect((await postQuery(limited.url, '{ __typename }')).status).toBe(200);
      const refused = await postQuery(limited.url, '{ __typename }', undefined, lang('kk'));
      expect(refused.status).toBe(429);
      expect(refused.body.errors[0]).toMatchObject({ message: 'Сұрау тым көп; кейінірек қайталаңыз', extensions: { code: 'RATE_LIMITED' } });
      expect(refused.headers.get('content-language')).toBe('kk');
    } finally {
      await limited.close();
    }
  });

  it('a request the database cannot serve in time', async () => {
    const slow = await startTestGateway({ DB_POOL_MAX: '1', DB_LOCK_TIMEOUT_MS: '0', DB_STATEMENT_TIMEOUT_MS: '300' });
    const lock = await lockTable(process.env.DATABASE_URL!, 'tours');
    try {
      const res = await postQuery(slow.url, '{ tours(first: 1) { nodes { id } } }', undefined, lang('ru'));
      expect(res.status).toBe(503);
      expect(res.body.errors[0]).toMatchObject({ message: 'Сервис временно недоступен; повторите позже', extensions: { code: 'UNAVAILABLE' } });
    } finally {
      await lock.release();
      await slow.close();
    }
  });
});

describe("placeholders for hidden values in the caller's language", () => {
  it('a review masked when it was published', async () => {
    const stored = maskFreeText(WRITTEN, STORED_TEXT_LANGUAGE).text;
    const { reviewId, tourId } = await publishedReview(gw, (await freshTraveller(gw)).id, stored);
    for (const [language, headers] of ASKED) {
      const res = await gql(gw.url, TourReviewTextsDocument, { id: tourId }, headers);
      expect(res.body.data!.tour!.reviews.find((r) => r.id === reviewId)!.text).toBe(MASKED[language]);
    }
  });

  it('a complaint masked as support reads it', async () => {
    const u = await freshTraveller(gw);
    const filed = await gql(gw.url, FileComplaintDocument, { subject: 'Данные', body: WRITTEN }, bearer(await tokenFor(gw, 'USER', { sub: u.id })));
    const support = bearer(await tokenFor(gw, 'SUPPORT', { sub: DEMO_STAFF.support.id }));
    // Oldest first: pages through the complaints the suite filed before this one.
    const bodyOf = async (headers: Record<string, string>, after: string | null = null): Promise<string> => {
      const page = (await gql(gw.url, StaffComplaintsDocument, { status: 'RECEIVED', after }, { ...support, ...headers })).body.data!.complaints;
      const mine = page.nodes.find((c) => c.id === filed.body.data!.fileComplaint.id);
      return mine ? mine.body : bodyOf(headers, page.pageInfo.endCursor);
    };
    for (const [language, headers] of ASKED) expect(await bodyOf(headers)).toBe(MASKED[language]);
  });
});
