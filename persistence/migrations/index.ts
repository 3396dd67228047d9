import { DeadLetters1732406400000 } from './1732406400000-dead-letters';

/** Every migration, oldest first. Each one runs unchanged on MariaDB and SQLite. */
export const migrations = [DeadLetters1732406400000];
