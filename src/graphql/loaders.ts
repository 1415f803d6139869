import type { Sql } from '../db/sql.js';
import type { Language } from '../i18n/language.js';
import { localizeStoredText } from '../privacy/free-text.masks.js';
import type { PiiVault } from '../privacy/pii-vault.js';

/**
 * Per-request batching, created with the request context and dropped with it. Each feature adds its loaders to this interface
 * (declaration merging, in its `*.loaders.ts`) and their factory to its module; the app joins the factories.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- empty here, filled by the features' declaration merging
export interface Loaders {}

export interface LoaderDeps {
  sql: Sql;
  vault: PiiVault;
  language: Language;
}

export type LoadersFactory<T = Partial<Loaders>> = (deps: LoaderDeps) => T;

/** Rows whose text was masked when written, with its placeholders in the caller's language; as read for English. */
export function localizedRows<K extends string, R extends Record<K, string | null>>(rows: R[], key: K, language: Language): R[] {
  if (language === 'en') return rows;
  return rows.map((r) => {
    const text: string | null = r[key];
    return text === null ? r : { ...r, [key]: localizeStoredText(text, language) };
  });
}

/** One loader per distinct argument set, made on first use within the request. */
export function loaderPerKey<A extends unknown[], L>(key: (...args: A) => string, make: (...args: A) => L): (...args: A) => L {
  const made = new Map<string, L>();
  return (...args) => {
    const k = key(...args);
    let loader = made.get(k);
    if (!loader) made.set(k, (loader = make(...args)));
    return loader;
  };
}
