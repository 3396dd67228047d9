import type { Hono } from 'hono';

/**
 * The test and developer controls every HTTP simulator offers: read its webhook deliveries, read or
 * set its fault knobs, and reset it (`/reset` and `/__sim/reset`).
 */
export function mountSimulatorControls<F>(
  app: Hono,
  sim: { faults(): F; setFaults(faults: Partial<F>): F; reset(): void; webhookDeliveries(): unknown[] },
): void {
  app.get('/__sim/webhooks', (c) => c.json({ deliveries: sim.webhookDeliveries() }));
  app.get('/__sim/faults', (c) => c.json(sim.faults()));
  app.post('/__sim/faults', async (c) =>
    c.json(sim.setFaults((await c.req.json().catch(() => ({}))) as Partial<F>)),
  );
  for (const path of ['/reset', '/__sim/reset']) {
    app.post(path, (c) => {
      sim.reset();
      return c.body(null, 204);
    });
  }
}

/** Waits until every webhook posted so far has been answered (or failed). */
export async function flushPending(pending: Set<Promise<void>>): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}
