import { Migration } from '@mikro-orm/migrations';

// The Russian placeholders masked texts were stored with, and the English ones stored from now on.
const RENAMED = [
  ['[IIN скрыт]', '[IIN hidden]'],
  ['[телефон скрыт]', '[phone hidden]'],
  ['[e-mail скрыт]', '[e-mail hidden]'],
  ['[документ скрыт]', '[document hidden]'],
];

const renamed = (column: string) => RENAMED.reduce((sql, [from, to]) => `replace(${sql}, '${from}', '${to}')`, `"${column}"`);

// Texts masked when written keep English placeholders, read unchanged in English and swapped on read for Russian and Kazakh;
// a review the longer English placeholders would push past its 2000 characters keeps the Russian ones.
export class Migration20261126500000_stored_placeholders_en extends Migration {
  override name = 'Migration20261126500000_stored_placeholders_en';

  override up(): void {
    this.addSql(`update "reviews" set "text" = ${renamed('text')} where "text" like '%скрыт]%' and char_length(${renamed('text')}) <= 2000;`);
    this.addSql(`update "booking_events" set "reason" = ${renamed('reason')} where "reason" like '%скрыт]%';`);
    this.addSql(`update "account_erasures" set "reason" = ${renamed('reason')} where "reason" like '%скрыт]%';`);
  }
}
