import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = new URL('../../src', import.meta.url).pathname;
/** Shared floors: they serve every feature and know none. */
export const SHARED = new Set(['graphql', 'db', 'privacy', 'access', 'config', 'http', 'observability', 'i18n', 'shared-state']);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Every relative import between two files of src/, as paths from src/ (`users/me.type.ts`). */
export function sourceImports(): { from: string; to: string }[] {
  return files(SRC).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)]
    .map((m) => ({ from: relative(SRC, file), to: relative(SRC, resolve(dirname(file), m[1])).replace(/\.js$/, '.ts') }))
    .filter((i) => !i.to.startsWith('..')));
}

/** The folder of src/ a path lies in; a file directly in src/ (gateway.ts) stands for itself. */
export const folderOf = (path: string): string => path.split('/')[0];
