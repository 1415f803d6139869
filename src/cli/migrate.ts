import { loadConfig } from '../config/config.js';
import { openDatabase } from '../app/database.js';

const db = await openDatabase(loadConfig(), console.error);
const applied = await db.orm.migrator.getExecuted();
console.log(`migrations applied: ${applied.length}`);
await db.close();
