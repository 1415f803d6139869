import type { ApolloServerPlugin } from '@apollo/server';
import type { PlaygroundBundle } from './playground-bundle.service.js';

/** Apollo's landing page (a browser opening /graphql) is the playground, from the gateway itself: no CDN, so it works offline. */
export function playgroundLandingPage(bundle: PlaygroundBundle): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html: () => bundle.html() };
        },
      };
    },
  };
}
