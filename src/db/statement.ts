declare const rowType: unique symbol;
declare const paramTypes: unique symbol;

/** A named SQL statement with $n placeholders; the types of its rows and parameters are declared with its text, once. */
export interface Statement<Row, Params extends readonly unknown[]> {
  readonly name: string;
  readonly text: string;
  readonly [rowType]?: Row;
  readonly [paramTypes]?: Params;
}

const declared = new Map<string, string>();

/**
 * Declares a statement; pg prepares it once per connection under its name, so a name that comes back with another text
 * fails here rather than on some connection later.
 */
export function statement<Row, Params extends readonly unknown[] = []>(name: string, text: string): Statement<Row, Params> {
  const known = declared.get(name);
  if (known !== undefined && known !== text) throw new Error(`statement ${name} is declared with two different texts`);
  declared.set(name, text);
  return { name, text };
}

/** What a statement returns on the wire: its rows, and how many rows it wrote or read. */
export interface StatementResult {
  rows: unknown[];
  rowCount: number;
}

/** Runs typed statements, on the pool or on a transaction's connection: the same statement object runs on both. */
export abstract class Statements {
  protected abstract execute(name: string, text: string, values: readonly unknown[]): Promise<StatementResult>;

  async rows<R, P extends readonly unknown[]>(s: Statement<R, P>, ...params: P): Promise<R[]> {
    return (await this.execute(s.name, s.text, params)).rows as R[];
  }

  async one<R, P extends readonly unknown[]>(s: Statement<R, P>, ...params: P): Promise<R | undefined> {
    return (await this.rows(s, ...params))[0];
  }

  /** The number of rows an insert, update or delete touched. */
  async count<R, P extends readonly unknown[]>(s: Statement<R, P>, ...params: P): Promise<number> {
    return (await this.execute(s.name, s.text, params)).rowCount;
  }
}
