import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { decodeCursor, isUuid, keysetPage, MICROS_KEY } from '../graphql/cursor.js';
import { pageSize } from '../graphql/validate.js';
import { reachedVia } from '../privacy/privacy.edge.js';
import { Person } from '../users/person.type.js';
import type { PersonRow } from '../users/user.service.js';
import { BadInputError, NotFoundError } from '../graphql/errors.js';
import { Booking } from '../bookings/booking.type.js';
import { bookingById } from '../bookings/booking.service.js';
import { PartnerSummary } from '../tours/tour.type.js';
import { assertPaymentProvider, paymentById, paymentProviders, paymentsOfProvider, recordPayment, startPayment, validateReport } from './payment.service.js';
import { Payment, PaymentOutcome, PaymentPage, RecordPaymentResult, StartPaymentResult, type RecordPaymentOutcome, type StartPaymentOutcome } from './payment.type.js';
import { partnerIdOf } from '../access/principal.js';

@Resolver(() => Payment)
export class PaymentResolver {
  @Query(() => [PartnerSummary], { description: 'The payment providers a traveller can choose from' })
  paymentProviders(@Ctx() ctx: GatewayContext): Promise<PartnerSummary[]> {
    return paymentProviders(ctx.services.sql);
  }

  @Mutation(() => StartPaymentResult, { description: "Pay for one's own booking through the chosen provider; repeating it returns the same pending payment" })
  async startPayment(@Arg('bookingId', () => ID) bookingId: string, @Arg('providerId', () => ID) providerId: string, @Ctx() ctx: GatewayContext): Promise<StartPaymentOutcome> {
    if (!isUuid(providerId)) throw new BadInputError('providerId is not a payment provider', 'providerId');
    await assertPaymentProvider(ctx.services.sql, providerId);
    const out = await startPayment(ctx.em(), bookingId, providerId);
    return 'reason' in out ? out : { payment: await paymentById(ctx.services.sql, out.paymentId) };
  }

  @Mutation(() => RecordPaymentResult, { description: 'The processing provider reports a payment result (scope payments:write); NOT_FOUND for payments it does not process' })
  async recordPayment(
    @Arg('bookingId', () => ID) bookingId: string,
    @Arg('status', () => PaymentOutcome) status: PaymentOutcome,
    @Arg('externalRef') externalRef: string,
    @Arg('amountKzt', () => Int) amountKzt: number,
    @Ctx() ctx: GatewayContext,
  ): Promise<RecordPaymentOutcome> {
    if (!isUuid(bookingId)) throw new NotFoundError('Payment');
    // The isPaymentProvider rule has established that partnerId is present.
    const report = validateReport({ providerId: partnerIdOf(ctx.principal), bookingId, outcome: status, externalRef, amountKzt });
    const out = await recordPayment(ctx.em(), report);
    return 'reason' in out ? out : { payment: await paymentById(ctx.services.sql, out.paymentId) };
  }

  @Query(() => PaymentPage, { description: 'Payment providers: the payments this provider processes, newest first (scope payments:write)' })
  async providerPayments(
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<PaymentPage> {
    const size = pageSize(first, ctx.services.cfg.limits.maxPageSize);
    // The isPaymentProvider rule has established that partnerId is present.
    const rows = await paymentsOfProvider(ctx.services.sql, partnerIdOf(ctx.principal), after ? decodeCursor(after, MICROS_KEY) : null, size + 1);
    return keysetPage(rows, size, (p) => ({ key: p.cursorMicros, id: p.id }));
  }

  @FieldResolver(() => Person, { description: 'Who pays: shown to the processing provider while the payment is pending and for a fixed period after its outcome' })
  async payer(@Root() p: Payment, @Ctx() ctx: GatewayContext): Promise<PersonRow> {
    const person = await ctx.loaders.person.load(p.payerId);
    if (!person) throw new Error('payment without payer');
    return reachedVia(person, 'PAYMENT_PAYER', p.id, { holderId: p.providerId, holderCountry: p.providerCountry, open: p.accessOpen, consents: p.payerConsents });
  }

  @FieldResolver(() => Booking)
  async booking(@Root() p: Payment, @Ctx() ctx: GatewayContext): Promise<Booking> {
    const b = await bookingById(ctx.services.sql, p.bookingId);
    if (!b) throw new Error('payment without booking');
    return b;
  }

  @FieldResolver(() => PartnerSummary)
  async provider(@Root() p: Payment, @Ctx() ctx: GatewayContext): Promise<PartnerSummary> {
    const partner = await ctx.loaders.partner.load(p.providerId);
    if (!partner) throw new Error('payment without provider');
    return partner;
  }
}
