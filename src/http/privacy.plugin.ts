import { OperationTypeNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { BadInputError, RETRY_AFTER_SECONDS } from '../graphql/errors.js';
import type { GatewayContext } from '../graphql/context.js';
import { localizeMessage } from '../i18n/message.localize.js';
import type { Logger } from '../observability/logger.js';
import type { Principal } from '../access/principal.js';
import type { RequestIds } from '../observability/request-id.js';
import type { DisclosureEntry } from '../privacy/privacy.session.js';

/** Where disclosures are recorded; the promise settles once they are committed (audit/disclosure-writer.service.ts). */
export interface DisclosureLog {
  write(principal: Principal, requestIds: RequestIds, entries: readonly DisclosureEntry[]): Promise<void>;
}

/** Before any response leaves: log every FULL disclosure (no record, no response) and report what was masked. */
export function privacyPlugin(logger: Logger, log: DisclosureLog): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue: ctx }) {
          // Explain mode runs as someone else: it may read as they would, never act for them.
          if (ctx.privacy.explained && operation?.operation !== OperationTypeNode.QUERY) throw new BadInputError('Explain runs queries only', 'query');
        },
        async willSendResponse({ response, contextValue: ctx }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          try {
            await log.write(ctx.principal, { id: ctx.requestId, callerId: ctx.callerRequestId }, ctx.privacy.disclosed);
          } catch (e) {
            logger.error({ requestId: ctx.requestId, errorName: (e as Error).name }, 'disclosure log write failed; response withheld');
            response.http.status = 503;
            // The log's store is what failed, as when the database is down: the client may ask again, after the same pause.
            response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
            response.http.headers.set('content-language', ctx.language);
            const message = localizeMessage('DISCLOSURE_LOG_FAILED', 'The response could not be released because its disclosure could not be recorded', ctx.language);
            response.body.singleResult = {
              data: null,
              errors: [{ message, extensions: { code: 'DISCLOSURE_LOG_FAILED', requestId: ctx.requestId, retryAfterSeconds: RETRY_AFTER_SECONDS } }],
            };
            return;
          }
          if (ctx.privacy.findings.length) {
            result.extensions = { ...result.extensions, privacy: { withheld: ctx.privacy.findings } };
          }
        },
      };
    },
  };
}
