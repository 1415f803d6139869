import type pg from 'pg';
import { quoteTable, type TableSpec } from './demo.tables.js';

const BATCH_ROWS = 5_000;

function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((s) => `"${s.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

// Array and jsonb values travel as text and are cast in SQL, because unnest() would flatten nested arrays.
function wire(type: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (type.endsWith('[]')) return arrayLiteral(value as string[]);
  if (type === 'jsonb') return JSON.stringify(value);
  return value;
}

function wireType(type: string): string {
  return type.endsWith('[]') || type === 'jsonb' ? 'text' : type;
}

/** One INSERT … SELECT FROM unnest(…) per batch: a parameter per column rather than per value, and no entity hydration. */
export async function insertRows(client: pg.ClientBase, spec: TableSpec, rows: readonly object[]): Promise<void> {
  const names = spec.columns.map(([name]) => `"${name}"`).join(', ');
  const aliases = spec.columns.map((_, i) => `c${i}`);
  const select = spec.columns.map(([, type], i) => `${aliases[i]}::${type}`).join(', ');
  const unnest = spec.columns.map(([, type], i) => `$${i + 1}::${wireType(type)}[]`).join(', ');
  const text = `insert into ${quoteTable(spec.table)} (${names}) select ${select} from unnest(${unnest}) as u(${aliases.join(', ')})`;
  for (let from = 0; from < rows.length; from += BATCH_ROWS) {
    const batch = rows.slice(from, from + BATCH_ROWS) as Record<string, unknown>[];
    const values = spec.columns.map(([name, type]) =>
      batch.map((row) => {
        if (!(name in row)) throw new Error(`${spec.table} row has no column ${name}`);
        return wire(type, row[name]);
      }),
    );
    await client.query(text, values);
  }
}
