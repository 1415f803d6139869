import 'reflect-metadata';
import { loadConfig } from '../config/config.js';
import { openDatabase } from '../app/database.js';
import { runBookingJobs } from '../bookings/booking.jobs.js';
import { checkRecipients } from '../incidents/breach.jobs.js';

// For an external scheduler (cron, a Kubernetes CronJob): one round of the booking jobs and of the breach check (over the counts the
// gateways have flushed), each skipped when a gateway runs it now.
const cfg = loadConfig();
const db = await openDatabase(cfg, console.error);
try {
  const r = await runBookingJobs(db.orm.em.fork(), cfg.jobs.bookingHoldMinutes);
  console.log(r ? `expired ${r.expired} unpaid bookings, completed ${r.completed} bookings of ended tours` : 'another instance is running the booking jobs; skipped');
  const opened = await checkRecipients(db.orm.em.fork(), cfg.breach, new Date());
  console.log(opened ? `opened ${opened.length} privacy incidents` : 'another instance is running the breach check; skipped');
} finally {
  await db.close();
}
