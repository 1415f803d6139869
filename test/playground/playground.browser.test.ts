import { randomInt, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { RunningGateway } from '../../src/gateway.js';
import { iinCheckDigit } from '../../src/privacy/iin-checksum.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { insertTour, setBookingConsent } from '../bookings/booking.fixtures.js';
import { waitFor } from '../support/faults.js';
import { startProductionGateway, startTestGateway } from '../support/gateway.js';
import { insertPerson } from '../support/persons.js';
import { tokenFor } from '../support/tokens.js';

const CHROMIUM = '/usr/bin/chromium';
const PARTNER_8 = 'b0000000-0000-4000-8000-000000000008';
const SCREENSHOT = new URL('../../docs/playground.png', import.meta.url).pathname;

// CI installs Debian's chromium (.ci/run); elsewhere the suite says what is missing instead of failing on the machine.
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
if (!haveChromium) console.warn(`playground browser test skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

/** A valid IIN of our own: random digits with the right check digit. */
function freshIin(): string {
  for (;;) {
    const first = `9${String(randomInt(10 ** 9, 10 ** 10))}`;
    const check = iinCheckDigit(first);
    if (check !== null) return `${first}${check}`;
  }
}

const consenting = {
  surname: 'Сейітова',
  firstName: 'Ақерке',
  iin: freshIin(),
  phone: `+7799${randomInt(1_000_000, 9_999_999)}`,
  passport: `N${randomInt(10_000_000, 99_999_999)}`,
};
const withdrawn = { surname: 'Жұмабаев', firstName: 'Ерлан', iin: freshIin(), phone: `+7799${randomInt(1_000_000, 9_999_999)}`, passport: `N${randomInt(10_000_000, 99_999_999)}` };
const bookings = [randomUUID(), randomUUID()];

let gw: RunningGateway;
let prod: RunningGateway;
let context: BrowserContext;
let userDataDir: string;
let tourId: string;
let consentingId: string;
let withdrawnId: string;
const elsewhere: string[] = [];

// Two bookings of partner 8 on a tour of their own, the newest of all (suites run one at a time), so they head its list: one
// traveller consents to TOUR_BOOKING, the other has withdrawn it.
beforeAll(async () => {
  if (!haveChromium) return;
  [gw, prod] = await Promise.all([startTestGateway(), startProductionGateway({ PLAYGROUND: 'on' })]);
  const { sql } = gw.services;
  tourId = await insertTour(sql, { partnerId: PARTNER_8, capacity: 10, seatsBooked: 2, startsInDays: 3000 });
  consentingId = await insertPerson(gw, consenting);
  withdrawnId = await insertPerson(gw, withdrawn);
  await setBookingConsent(sql, [consentingId], true);
  await setBookingConsent(sql, [withdrawnId], false);
  await sql.rows(
    't_playground_bookings',
    `insert into bookings (id, user_id, tour_id, seats, status, amount_kzt, idempotency_key, created_at)
    values ($1, $3, $5, 1, 'PAID', 50000, gen_random_uuid()::text, now() - interval '1 second'),
      ($2, $4, $5, 1, 'PAID', 50000, gen_random_uuid()::text, now())`,
    [...bookings, consentingId, withdrawnId, tourId],
  );
  userDataDir = mkdtempSync(join(tmpdir(), 'qaz-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1600, height: 1000 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // Offline but for the gateways: whatever the page asks of anyone else is refused and remembered.
  const origins = new Set([gw.url, prod.url].map((u) => new URL(u).origin));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (origins.has(new URL(url).origin)) return route.continue();
    elsewhere.push(url);
    return route.abort();
  });
}, 60_000);

afterAll(async () => {
  if (!haveChromium) return;
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  await gw.services.sql.rows('t_playground_cleanup', 'delete from bookings where id = any($1::uuid[])', [bookings]);
  await gw.services.sql.rows('t_playground_tour', 'delete from tours where id = $1', [tourId]);
  await Promise.all([gw?.close(), prod?.close()]);
});

const iinCell = (page: Page, row: number) => page.locator('.response-view table.rows tbody tr').nth(row).locator('td.cell[data-kind="IIN"]');

// The page's document, typed by hand: these tests compile without the DOM's types (page functions are sent as source, so no helper).
type InPage = { document: { body: { textContent: string | null }; querySelector(s: string): { textContent: string | null } | null } };

/** Loads the example, runs it with GraphiQL's own button, and waits for the marked response and the rows that request wrote. */
async function runPartnerBookings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Bookings of my tours' }).click();
  const before = await page.evaluate(() => (globalThis as unknown as InPage).document.querySelector('.request-id')?.textContent ?? null);
  await page.locator('.graphiql-execute-button').click();
  // Polled from here: page.waitForFunction evaluates text, which the page's Content-Security-Policy forbids.
  await waitFor(
    'the marked response and its disclosure rows',
    () =>
      page.evaluate((prev) => {
        const { document } = globalThis as unknown as InPage;
        const id = document.querySelector('.request-id')?.textContent;
        return id !== undefined && id !== prev && document.querySelector('.disclosure-view[data-state="done"]') !== null;
      }, before),
    20_000,
  );
}

const text = async (page: Page, selector: string) => (await page.locator(selector).textContent()) ?? '';

(haveChromium ? describe : describe.skip)('the playground in a real browser, offline but for the gateway', () => {
  it('as partner 8 with travelers:read, shows a masked IIN with its reason next to a full one, and the disclosure rows the request wrote', async () => {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${gw.url}/playground`);
    await page.locator('.graphiql-container').waitFor();
    await page.selectOption('select[name=kind]', 'PARTNER');
    await page.selectOption('select[name=partner]', PARTNER_8);
    await page.locator('input[name=scope][value="travelers:read"]').check();
    await runPartnerBookings(page);

    // Newest first: the withdrawn traveller's booking, then the consenting one's.
    const masked = iinCell(page, 0);
    expect(await masked.getAttribute('data-exposure')).toBe('NONE');
    expect(await masked.getAttribute('data-reason')).toBe('NO_CONSENT');
    expect(await masked.textContent()).toContain('IIN · withheldNO_CONSENT');
    const full = iinCell(page, 1);
    expect(await full.getAttribute('data-exposure')).toBe('FULL');
    expect(await full.textContent()).toBe(`${consenting.iin}IIN · full`);
    expect(await text(page, '.response-view')).not.toContain(withdrawn.iin);
    expect(await text(page, '.summary')).toContain('NO_CONSENT: the person has not consented to this purpose');
    const log = await text(page, '.disclosure-view');
    expect(log).toMatch(/Disclosure log \(\d+\)/);
    expect(log).toContain('To demo-operator-08 (KZ) · TOUR_BOOKING · through BOOKING_TRAVELLER');
    expect(log).toContain(`BOOKING ${bookings[0].slice(0, 8)}`);
    expect(log).not.toContain(bookings[1].slice(0, 8));
    await page.screenshot({ path: SCREENSHOT });

    // The traveller grants TOUR_BOOKING in the consent panel (as themself), and the next run shows their IIN in full.
    await page.fill('input[name=consent-traveller]', withdrawnId);
    const consent = page.locator('.consents label.check', { hasText: 'TOUR_BOOKING' }).locator('input');
    expect(await consent.isChecked()).toBe(false);
    await consent.click();
    await page.locator('.consents .note', { hasText: 'TOUR_BOOKING granted' }).waitFor();
    expect(await consent.isChecked()).toBe(true);
    await runPartnerBookings(page);
    expect(await iinCell(page, 0).getAttribute('data-exposure')).toBe('FULL');
    expect(await iinCell(page, 0).textContent()).toBe(`${withdrawn.iin}IIN · full`);

    expect(elsewhere).toEqual([]);
  }, 90_000);

  it("explains as partner 8 with a pasted auditor token (the default in production): each IIN's decision and reason, no value, no disclosure row", async () => {
    // In production the page has no token endpoint, so explaining is what it starts with.
    const page = await context.newPage();
    await page.goto(`${prod.url}/playground`);
    await page.locator('.graphiql-container').waitFor();
    expect(await page.locator('input[name=mode][value=explain]').isChecked()).toBe(true);
    expect(await page.locator('input[name=clientId]').count()).toBe(0);
    await page.selectOption('select[name=kind]', 'PARTNER');
    expect(await page.locator('input[name=clientId]').count()).toBe(1);

    // A production gateway takes staff tokens from the staff issuer only; this one signs its own, so the run is against it.
    await setBookingConsent(gw.services.sql, [consentingId], true);
    await setBookingConsent(gw.services.sql, [withdrawnId], false);
    await page.goto(`${gw.url}/playground`);
    await page.locator('.graphiql-container').waitFor();
    await page.locator('input[name=mode][value=explain]').check();
    await page.fill('textarea[name=token]', await tokenFor(gw, 'AUDITOR', { sub: DEMO_STAFF.auditor.id }));
    await page.selectOption('select[name=kind]', 'PARTNER');
    await page.selectOption('select[name=partner]', PARTNER_8);
    await page.locator('input[name=scope][value="travelers:read"]').check();
    await page.getByRole('button', { name: 'Bookings of my tours' }).click();
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.explained table.decisions').waitFor();

    const decision = (path: string) =>
      page.locator('table.decisions tr', { has: page.locator('td.path', { hasText: new RegExp(`^${path.replace(/\./g, '\\.')}$`) }) }).locator('td.cell');
    const withheld = decision('partnerBookings.nodes.0.traveller.iin');
    expect(await withheld.getAttribute('data-exposure')).toBe('NONE');
    expect(await withheld.getAttribute('data-reason')).toBe('NO_CONSENT');
    expect(await withheld.textContent()).toBe('IIN · withheldNO_CONSENT');
    const full = decision('partnerBookings.nodes.1.traveller.iin');
    expect(await full.getAttribute('data-exposure')).toBe('FULL');
    expect(await full.textContent()).toBe('IIN · full');
    expect(await text(page, '.summary')).toMatch(/^Explained as · PARTNER · demo-operator-08 · [^·]*travelers:read[^·]* · TOUR_BOOKING/);
    expect(await text(page, '.explain-note')).toContain('No value was read and no disclosure was written');

    // Nothing of either traveller anywhere on the page, GraphiQL's own response pane included.
    const everything = await page.evaluate(() => (globalThis as unknown as InPage).document.body.textContent ?? '');
    for (const v of [consenting.iin, withdrawn.iin, consenting.surname, withdrawn.surname, consenting.phone, withdrawn.phone]) expect(everything).not.toContain(v);
    await page.locator('.disclosure-view[data-state="done"]').waitFor();
    expect(await text(page, '.disclosure-view')).toContain('Disclosure log (0)');
    const requestId = (await text(page, '.request-id')).replace('request ', '');
    const { sql } = gw.services;
    expect(await sql.rows('t_playground_explain_disclosures', 'select 1 from disclosures where request_id = $1', [requestId])).toEqual([]);
    expect(
      await sql.rows('t_playground_explain_logged', 'select explainer_kind as "by", explainer_id as explainer, as_id as "as" from explain_requests where request_id = $1', [
        requestId,
      ]),
    ).toEqual([{ by: 'AUDITOR', explainer: DEMO_STAFF.auditor.id, as: 'demo-operator-08' }]);
    expect(elsewhere).toEqual([]);
  }, 90_000);
});
