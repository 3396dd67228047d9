import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A simulator's remembered state in one JSON file, so the local sandbox keeps its parcels and sent
 * messages across a restart. Written whole (temporary file, then rename) after each change: the
 * files stay small, and a crash never leaves half a file.
 */
export interface StateFile<T> {
  /** What was saved last, or null without a file (or an unreadable one, which the next save replaces). */
  load(): T | null;
  save(state: T): void;
}

export function stateFile<T>(path: string): StateFile<T> {
  return {
    load() {
      try {
        return JSON.parse(readFileSync(path, 'utf8')) as T;
      } catch {
        return null;
      }
    },
    save(state) {
      mkdirSync(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(state));
      renameSync(temporary, path);
    },
  };
}
