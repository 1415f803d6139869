import { Migration } from '@mikro-orm/migrations';
import { maskFreeText, STORED_TEXT_LANGUAGE } from '../privacy/free-text.masks.js';

// Texts published before the free-text detector kept IINs, phones and e-mails in forms the old scrubber missed, and every passport number.
export class Migration20261126150200_remask_free_text extends Migration {
  override name = 'Migration20261126150200_remask_free_text';

  private async remask(table: string, column: string): Promise<void> {
    const rows = (await this.execute(`select id, "${column}" as text from "${table}" where "${column}" is not null`)) as { id: string; text: string }[];
    const changed = rows.map((r) => ({ id: r.id, text: maskFreeText(r.text, STORED_TEXT_LANGUAGE).text })).filter((r, i) => r.text !== rows[i].text);
    if (!changed.length) return;
    await this.execute(`update "${table}" t set "${column}" = x.text from jsonb_to_recordset(?::jsonb) as x(id uuid, text text) where t.id = x.id`, [JSON.stringify(changed)]);
  }

  override async up(): Promise<void> {
    await this.remask('reviews', 'text');
    await this.remask('booking_events', 'reason');
  }
}
