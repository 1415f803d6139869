import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

// FULL disclosure rows per recipient account and 10-minute slot, added up from what each gateway's disclosure writer committed;
// breach detection reads these instead of the disclosure log. Kept for the baseline days only.
@Entity({ tableName: 'recipient_release_slots' })
@Index({ properties: ['slot'] })
export class RecipientReleaseSlot {
  @PrimaryKey({ type: 'text' }) recipientKind!: string;
  @PrimaryKey({ type: 'text' }) recipientId!: string;
  @PrimaryKey({ type: 'timestamptz' }) slot!: Date;
  @Property({ type: 'integer' }) releases!: number;
}
