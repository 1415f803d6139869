import { Migration20261124192332 } from './Migration20261124192332.js';

// Listed explicitly so that migrations run the same from source, tests and the CLI.
export const MIGRATIONS = [{ name: 'Migration20261124192332', class: Migration20261124192332 }];
