import { DeadLetters1732406400000 } from './1732406400000-dead-letters';
import { Identity1732410000000 } from './1732410000000-identity';
import { Notifications1732430000000 } from './1732430000000-notifications';

/** Every migration, oldest first. Each one runs unchanged on MariaDB and SQLite. */
export const migrations = [DeadLetters1732406400000, Identity1732410000000, Notifications1732430000000];
