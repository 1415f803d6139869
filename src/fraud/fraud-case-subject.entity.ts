import { Entity, Index, ManyToOne } from '@mikro-orm/decorators/legacy';
import type { Rel } from '@mikro-orm/core';
import { User } from '../users/user.entity.js';
import { FraudCase } from './fraud-case.entity.js';

// The people a case names: only these are FULL for the assigned administrator under the case's reference.
@Entity({ tableName: 'fraud_case_subjects' })
export class FraudCaseSubject {
  @ManyToOne(() => FraudCase, { primary: true, deleteRule: 'cascade' }) case!: Rel<FraudCase>;
  @Index() @ManyToOne(() => User, { primary: true }) subject!: Rel<User>;
}
