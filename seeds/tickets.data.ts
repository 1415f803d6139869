import type { TicketStatus } from '../src/support/support-ticket.entity.js';
import { DEMO_STAFF } from './staff.data.js';
import { DEMO_TRAVELERS } from './travelers.data.js';

export interface DemoTicket {
  id: string;
  reference: string;
  userId: string;
  subject: string;
  status: TicketStatus;
  assignedToId: string | null;
}

const [aigerim, erlan, olga] = DEMO_TRAVELERS;

/**
 * Support tickets of the DEMO_TRAVELERS; the support agent a ticket is assigned to declares its reference as X-Purpose-Ref, and only
 * an OPEN ticket assigned to the caller relates: SUP-1001 is the demo support account's, SUP-1002 and SUP-1003 wait in the queue.
 */
export const DEMO_TICKETS: readonly DemoTicket[] = [
  {
    id: 'd0000000-0000-4000-8000-000000001001',
    reference: 'SUP-1001',
    userId: aigerim.id,
    subject: 'Не пришло SMS с кодом входа',
    status: 'OPEN',
    assignedToId: DEMO_STAFF.support.id,
  },
  { id: 'd0000000-0000-4000-8000-000000001002', reference: 'SUP-1002', userId: erlan.id, subject: 'Списали оплату дважды за один тур', status: 'OPEN', assignedToId: null },
  { id: 'd0000000-0000-4000-8000-000000001003', reference: 'SUP-1003', userId: olga.id, subject: 'Как изменить номер паспорта в профиле?', status: 'OPEN', assignedToId: null },
  {
    id: 'd0000000-0000-4000-8000-000000001004',
    reference: 'SUP-1004',
    userId: aigerim.id,
    subject: 'Брондауды қалай болдырмауға болады?',
    status: 'CLOSED',
    assignedToId: DEMO_STAFF.support.id,
  },
];
