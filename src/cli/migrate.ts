import { loadConfig } from '../config/config.js';
import { openDatabase } from '../db/database.js';

const db = await openDatabase(loadConfig(), console.error);
const applied = await db.orm.migrator.getExecuted();
console.log(`migrations applied: ${applied.length}`);
await db.close();
