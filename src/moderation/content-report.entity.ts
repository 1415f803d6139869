import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Opt, Rel } from '@mikro-orm/core';
import { User } from '../users/user.entity.js';
import { Review } from '../reviews/review.entity.js';

export type ReportStatus = 'OPEN' | 'RESOLVED' | 'DISMISSED';

// The reporter's reason is sealed under their data key (content-report.codec.ts); erasure nulls it with the reporter.
@Entity({ tableName: 'content_reports' })
export class ContentReport {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne(() => Review, { deleteRule: 'cascade' }) review!: Rel<Review>;
  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' }) reporter: Rel<User> | null = null;
  @Property({ type: 'text', nullable: true }) reasonEnc: string | null = null;
  @Enum({ items: ['OPEN', 'RESOLVED', 'DISMISSED'], default: 'OPEN' }) status: Opt<ReportStatus> = 'OPEN';
  @ManyToOne(() => User, { nullable: true }) resolvedBy: Rel<User> | null = null;
  @Property({ type: 'text', nullable: true }) resolution: string | null = null;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
}
