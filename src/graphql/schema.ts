import 'reflect-metadata';
import { specifiedDirectives, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { piiDirective } from '../privacy/pii.directive.js';
import { dropPlainFieldResolvers } from './plain-fields.js';
import { syncUnionTypeResolvers } from './sync-type-resolvers.js';
import { TourResolver } from '../tours/tour.resolver.js';
import { ReviewResolver } from '../reviews/review.resolver.js';
import { PersonResolver } from '../users/person.resolver.js';
import { BookingResolver } from '../bookings/booking.resolver.js';
import { LoginResolver } from '../auth/login.resolver.js';
import { ApiClientResolver } from '../auth/api-client.resolver.js';
import { TokenRevocationResolver } from '../auth/token-revocation.resolver.js';
import { StaffAccountResolver } from '../auth/staff-account.resolver.js';
import { MeResolver } from '../users/me.resolver.js';
import { ProfileResolver } from '../users/profile.resolver.js';
import { ConsentResolver } from '../consent/consent.resolver.js';
import { DisclosureLogResolver, MyDisclosuresResolver } from '../audit/disclosure.resolver.js';
import { AnalyticsResolver } from '../analytics/analytics.resolver.js';
import { MyPrivacyReportResolver, RightsResolver } from '../rights/rights.resolver.js';
import { PolicyVersionResolver } from '../consent/policy-version.resolver.js';
import { ModerationResolver } from '../moderation/moderation.resolver.js';
import { ComplaintResolver, StaffComplaintResolver } from '../complaints/complaint.resolver.js';
import { AuthorityRequestResolver } from '../authority/authority-request.resolver.js';
import { TourAdminResolver } from '../tours/tour-admin.resolver.js';
import { MyBookingsResolver } from '../bookings/my-bookings.resolver.js';
import { BookingWriteResolver } from '../bookings/booking-write.resolver.js';
import { PaymentResolver } from '../payments/payment.resolver.js';
import { RefundResolver } from '../payments/refund.resolver.js';
import { ReviewCreateResolver } from '../reviews/review-create.resolver.js';
import { FraudCaseResolver } from '../fraud/fraud-case.resolver.js';
import { SupportTicketResolver } from '../support/support-ticket.resolver.js';
import { ExplainResolver } from '../explain/explain.resolver.js';
import { PrivacyIncidentResolver } from '../incidents/privacy-incident.resolver.js';

export const RESOLVERS = [TourResolver, ReviewResolver, PersonResolver, BookingResolver, LoginResolver, ApiClientResolver, TokenRevocationResolver,
  MeResolver, ProfileResolver, ConsentResolver, MyDisclosuresResolver, DisclosureLogResolver, AnalyticsResolver,
  RightsResolver, MyPrivacyReportResolver, PolicyVersionResolver, ModerationResolver, ComplaintResolver, StaffComplaintResolver, AuthorityRequestResolver,
  TourAdminResolver, BookingWriteResolver, MyBookingsResolver, PaymentResolver, RefundResolver, ReviewCreateResolver, FraudCaseResolver, SupportTicketResolver, StaffAccountResolver,
  ExplainResolver, PrivacyIncidentResolver] as const;

/** The type-graphql schema as written in code, before the privacy and access layers wrap it; plain fields read their property directly
 * and unions resolve their member synchronously. */
export async function buildBaseSchema(): Promise<GraphQLSchema> {
  // Passing directives replaces graphql-js's defaults, so @skip, @include, @deprecated and @specifiedBy are listed again.
  const schema = await buildSchema({ resolvers: RESOLVERS, directives: [...specifiedDirectives, piiDirective], validate: false });
  dropPlainFieldResolvers(schema);
  syncUnionTypeResolvers(schema);
  return schema;
}

export function printGatewaySchema(schema: GraphQLSchema): string {
  return `${printSchemaWithDirectives(schema).trim()}\n`;
}
