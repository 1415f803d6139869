/**
 * Travellers analytics may count, as a condition on users alias `u`: not staff, not erased, and not opted out.
 * ANALYTICS is opt-out (DESIGN.md): only an explicit withdrawal (consents.granted = false) excludes; never asked counts in.
 */
export function eligible(u: string): string {
  return `${u}.role = 'TRAVELER' and ${u}.deleted_at is null and ${u}.status <> 'DELETED'
    and not exists (select 1 from consents c where c.user_id = ${u}.id and c.purpose = 'ANALYTICS' and not c.granted)`;
}
