import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import type { Opt, Rel } from '@mikro-orm/core';
import { User } from '../users/user.entity.js';
import { Tour } from '../tours/tour.entity.js';

export type ModerationStatus = 'PUBLISHED' | 'HIDDEN' | 'REMOVED';

@Entity({ tableName: 'reviews' })
@Unique({ properties: ['author', 'tour'] })
@Index({ properties: ['tour', 'createdAt'] })
@Check({ name: 'reviews_rating_range', expression: '(rating >= 1) and (rating <= 5)' })
@Check({ name: 'reviews_text_length', expression: 'char_length(text) <= 2000' })
export class Review {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  // Null once the author's account is erased: the rating stays, nothing links it to them.
  @ManyToOne(() => User, { nullable: true }) author!: Rel<User> | null;
  @ManyToOne(() => Tour) tour!: Rel<Tour>;
  @Property({ type: 'smallint' }) rating!: number;
  @Property({ type: 'text' }) text!: string;
  @Enum({ items: ['PUBLISHED', 'HIDDEN', 'REMOVED'], default: 'PUBLISHED' }) moderationStatus: Opt<ModerationStatus> = 'PUBLISHED';
  @Property({ type: 'text', nullable: true }) moderationReason: string | null = null;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
}
