import { randomInt, randomUUID } from 'node:crypto';
import type { RunningGateway } from '../../src/gateway.js';
import type { WithServices } from './in-process.js';
import { insertPerson } from './persons.js';
import { bearer, tokenFor } from './tokens.js';

// An 'ff' id sorts after every seeded row, so suites that pick "the first traveller by id" never get this one.
export async function bareTraveller(gw: WithServices): Promise<string> {
  const id = `ff${randomUUID().slice(2)}`;
  const phone = `+7799${String(randomInt(1e7)).padStart(7, '0')}`;
  return insertPerson(gw, { id, phone, firstName: 'Тест', surname: 'Тестов' });
}

export async function asUser(gw: RunningGateway, id: string): Promise<Record<string, string>> {
  return bearer(await tokenFor(gw, 'USER', { sub: id }));
}

/** An analyst account of the test's own: the privacy budget and today's released answers are per analyst. */
export async function analystAccount(gw: WithServices): Promise<string> {
  const id = `ff${randomUUID().slice(2)}`;
  const phone = `+7798${String(randomInt(1e7)).padStart(7, '0')}`;
  return insertPerson(gw, { id, phone, role: 'ANALYST' });
}

/** The same, with a real token's headers. */
export async function freshAnalyst(gw: RunningGateway): Promise<{ id: string; headers: Record<string, string> }> {
  const id = await analystAccount(gw);
  return { id, headers: bearer(await tokenFor(gw, 'ANALYST', { sub: id })) };
}
