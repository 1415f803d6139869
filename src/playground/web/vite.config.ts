import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Built by npm ci (prepare) and npm run build into dist/playground, which the gateway serves under /playground.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/playground/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../../dist/playground', import.meta.url)),
    emptyOutDir: true,
    reportCompressedSize: false,
    // Monaco is one large chunk by nature; the page is served locally, never over a slow link.
    chunkSizeWarningLimit: 6000,
    rolldownOptions: {
      // React libraries' "use client" lines mean nothing in a client-only bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  worker: { format: 'es' },
});
