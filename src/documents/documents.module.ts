import type { FeatureModule } from '../graphql/feature-module.js';
import { TrustedDocumentSet } from './trusted-document-set.entity.js';
import { TrustedDocument } from './trusted-document.entity.js';

/** Trusted documents: the operations a restricted client may send (served by the HTTP gate, written by the CLI). */
export const documentsModule: FeatureModule = {
  entities: [TrustedDocumentSet, TrustedDocument],
};
