import type { Pool } from 'mysql2/promise';

/**
 * Waits for orders to be recorded PAID, watching the database (not the API, so the measuring does
 * not load the shop) with one query per tick for every order being waited on.
 */
export function createPaidWatcher(pool: Pool, tickMs = 10) {
  const waiting = new Map<string, () => void>();
  let timer: NodeJS.Timeout | undefined;
  let queries = 0;

  async function tick(): Promise<void> {
    const ids = [...waiting.keys()];
    queries += 1;
    const [rows] = await pool.query(`SELECT id FROM orders WHERE status = 'PAID' AND id IN (?)`, [ids]);
    for (const { id } of rows as Array<{ id: string }>) {
      waiting.get(id)?.();
      waiting.delete(id);
    }
    timer = waiting.size > 0 ? setTimeout(() => void tick(), tickMs) : undefined;
  }

  return {
    /** Statements this watcher sent, so a count of the server's statements can leave them out. */
    get queries() {
      return queries;
    },
    paid(orderId: string): Promise<void> {
      return new Promise((resolve) => {
        waiting.set(orderId, resolve);
        timer ??= setTimeout(() => void tick(), tickMs);
      });
    },
  };
}
