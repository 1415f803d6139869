import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Vite writes the bundle to <root>/dist/playground; this module runs from <root>/src/playground or, compiled, from <root>/dist/src/playground.
const BUNDLE_DIR = fileURLToPath(new URL(import.meta.url.includes('/dist/src/') ? '../../playground/' : '../../dist/playground/', import.meta.url));

// Vite emits flat, hashed names under assets/: anything else (a slash, a leading dot) names no asset.
const ASSET_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

const TYPES: Readonly<Record<string, string>> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  ttf: 'font/ttf',
  woff: 'font/woff',
  woff2: 'font/woff2',
  svg: 'image/svg+xml',
  png: 'image/png',
  json: 'application/json; charset=utf-8',
};

export interface BundleFile {
  body: Buffer;
  type: string;
}

const missing = (e: unknown) => (e as NodeJS.ErrnoException).code === 'ENOENT';

/** The page that stands in when the bundle was never built (installed with --ignore-scripts, say). */
const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Policy playground</title>
<p>The playground's bundle is not built: run <code>npm run build:playground</code> (npm ci and npm run build do it) and reload.</p>`;

/** The built playground: its page, with the page's settings written in, and its hashed assets. */
export class PlaygroundBundle {
  private readonly settingsBlock: string;

  constructor(
    settings: unknown,
    private readonly dir = BUNDLE_DIR,
  ) {
    // An inert JSON block the page reads; `<` escaped so that nothing in it can close the block.
    this.settingsBlock = `<script id="playground-settings" type="application/json">${JSON.stringify(settings).replace(/</g, '\\u003c')}</script>`;
  }

  /** index.html, read on every request (it is small), so a rebuilt bundle is served without a restart. */
  async html(): Promise<string> {
    try {
      return (await readFile(join(this.dir, 'index.html'), 'utf8')).replace('<!--playground-settings-->', this.settingsBlock);
    } catch (e) {
      if (missing(e)) return NOT_BUILT;
      throw e;
    }
  }

  async asset(name: string): Promise<BundleFile | null> {
    const type = TYPES[name.slice(name.lastIndexOf('.') + 1)];
    if (!ASSET_NAME.test(name) || !type) return null;
    try {
      return { body: await readFile(join(this.dir, 'assets', name)), type };
    } catch (e) {
      if (missing(e)) return null;
      throw e;
    }
  }
}
