import type { Principal } from '../access/principal.js';
import type { Sql } from '../db/sql.js';
import { statement } from '../db/statement.js';
import type { DisclosureEntry } from '../privacy/privacy.session.js';
import type { RequestIds } from '../observability/request-id.js';

interface Waiting {
  principal: Principal;
  ids: RequestIds;
  entries: readonly DisclosureEntry[];
  done: () => void;
  failed: (e: unknown) => void;
}

// Columns as arrays: what is the same for all of a request's rows travels once per request, the rest once per row, and one
// statement and one commit take the rows of several requests. Kinds travel comma-joined (fixed tokens): arrays cannot be ragged.
const INSERT = statement<never, unknown[][]>(
  'disclosures_insert_batch',
  `insert into disclosures (id, recipient_kind, recipient_id, recipient_partner_id, purpose, reference, request_id,
    subject_id, edge, reference_kind, reference_id, recipient_country, kinds, caller_request_id)
  select gen_random_uuid(), r.rk, r.ri, r.rp, r.pu, r.ref, r.req, x.s, x.edge, x.refk, x.refi, x.country, string_to_array(x.kinds, ','), r.creq
  from unnest($1::int[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[]) as x(n, s, edge, refk, refi, country, kinds)
    join unnest($8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
      with ordinality as r(rk, ri, rp, pu, ref, req, creq, n) on r.n = x.n`,
);

function insert(sql: Sql, batch: readonly Waiting[]): Promise<unknown> {
  const rows: unknown[][] = Array.from({ length: 7 }, () => []);
  const requests: unknown[][] = Array.from({ length: 7 }, () => []);
  batch.forEach((w, i) => {
    const p = w.principal;
    [p.kind, p.id, p.partnerId, p.purpose ?? 'NONE', p.purposeRef, w.ids.id, w.ids.callerId].forEach((v, c) => requests[c].push(v));
    for (const e of w.entries) {
      const row = [i + 1, e.subjectId, e.edge, e.referenceKind, e.referenceId, e.recipientCountry, [...e.kinds].sort().join(',')];
      row.forEach((v, c) => rows[c].push(v));
    }
  });
  return sql.count(INSERT, ...rows, ...requests);
}

/**
 * Group commit for the disclosure log: the rows of the requests that finish within one tick go in as one insert, and each
 * request's promise settles only once the transaction holding its rows has committed (no record, no response). A batch
 * leaves early when it reaches maxRows, so that large batches run in parallel on the pool instead of on one backend. If a
 * batch fails, each request's rows are tried again on their own: one refused request does not take the others with it.
 */
export class DisclosureWriter {
  private waiting: Waiting[] = [];
  private rows = 0;
  private timer: NodeJS.Timeout | null = null;

  /** `committed`: told of each request's rows once they are committed (breach detection counts them there). */
  constructor(
    private readonly sql: Sql,
    private readonly tickMs: number,
    private readonly maxRows: number,
    private readonly committed?: (recipient: Principal, rows: number) => void,
  ) {}

  write(principal: Principal, ids: RequestIds, entries: readonly DisclosureEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    return new Promise((done, failed) => {
      this.waiting.push({ principal, ids, entries, done, failed });
      this.rows += entries.length;
      if (this.rows >= this.maxRows) void this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), this.tickMs);
    });
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    this.rows = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const settled = (w: Waiting) => {
      this.committed?.(w.principal, w.entries.length);
      w.done();
    };
    try {
      await insert(this.sql, batch);
      for (const w of batch) settled(w);
    } catch (e) {
      if (batch.length === 1) {
        batch[0].failed(e);
        return;
      }
      await Promise.all(batch.map((w) => insert(this.sql, [w]).then(() => settled(w), w.failed)));
    }
  }
}
