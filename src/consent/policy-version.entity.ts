import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

@Entity({ tableName: 'policy_versions' })
export class PolicyVersion {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'text', unique: true }) version!: string;
  @Property({ type: 'timestamptz' }) publishedAt!: Date;
  @Property({ type: 'text' }) textSha256!: string;
}
