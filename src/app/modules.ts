import { composeAccessRules } from '../access/access.rules.js';
import type { FeatureModule } from '../graphql/feature-module.js';
import type { LoaderDeps, Loaders } from '../graphql/loaders.js';
import { analyticsModule } from '../analytics/analytics.module.js';
import { auditModule } from '../audit/audit.module.js';
// Imported where auth's module was: type-graphql lists Mutation fields in import order, and the printed schema keeps that order.
import { identityModule } from '../identity/identity.module.js';
import { oauthModule } from '../oauth/oauth.module.js';
import { authorityModule } from '../authority/authority.module.js';
import { bookingsModule } from '../bookings/bookings.module.js';
import { complaintsModule } from '../complaints/complaints.module.js';
import { consentModule } from '../consent/consent.module.js';
import { documentsModule } from '../documents/documents.module.js';
import { explainModule } from '../explain/explain.module.js';
import { fraudModule } from '../fraud/fraud.module.js';
import { incidentsModule } from '../incidents/incidents.module.js';
import { moderationModule } from '../moderation/moderation.module.js';
import { partnersModule } from '../partners/partners.module.js';
import { paymentsModule } from '../payments/payments.module.js';
import { reviewsModule } from '../reviews/reviews.module.js';
import { rightsModule } from '../rights/rights.module.js';
import { supportModule } from '../support/support.module.js';
import { toursModule } from '../tours/tours.module.js';
import { tourAdminModule } from '../tour-admin/tour-admin.module.js';
import { usersModule } from '../users/users.module.js';

/** Every feature, listed once: adding one means adding its module here and nowhere else. */
export const MODULES: readonly FeatureModule[] = [
  toursModule,
  tourAdminModule,
  reviewsModule,
  usersModule,
  bookingsModule,
  identityModule,
  oauthModule,
  consentModule,
  auditModule,
  analyticsModule,
  rightsModule,
  moderationModule,
  complaintsModule,
  authorityModule,
  paymentsModule,
  fraudModule,
  supportModule,
  explainModule,
  incidentsModule,
  partnersModule,
  documentsModule,
];

export const RESOLVERS = MODULES.flatMap((m) => m.resolvers ?? []);
export const ENTITIES = MODULES.flatMap((m) => m.entities ?? []);
export const ACCESS_RULES = composeAccessRules(MODULES.flatMap((m) => m.rules ?? []));

/** Every feature's loaders for one request. */
const LOADER_FACTORIES = MODULES.flatMap((m) => m.loaders ?? []);
export const makeLoaders = (deps: LoaderDeps): Loaders => Object.assign({}, ...LOADER_FACTORIES.map((f) => f(deps))) as Loaders;
