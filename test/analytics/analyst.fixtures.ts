import type { Principal } from '../../src/access/principal.js';
import type { WithServices } from '../support/in-process.js';
import { principalOf } from '../support/principals.js';
import { analystAccount } from '../support/users.js';

/** An analyst account of the test's own and its principal: the privacy budget and the day's released answers are per analyst. */
export async function ownAnalyst(app: WithServices): Promise<{ id: string; analyst: Principal }> {
  const id = await analystAccount(app);
  return { id, analyst: await principalOf(app, { kind: 'ANALYST', accountId: id }) };
}
