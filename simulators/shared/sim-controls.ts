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

/** The controls of a simulator whose state keeps its `faults` and `webhookDeliveries` under those names. */
export function controlsOf<F>(
  state: { faults: F; webhookDeliveries: unknown[] },
  setFaults: (faults: Partial<F>) => F,
  reset: () => void,
): Parameters<typeof mountSimulatorControls<F>>[1] {
  return { faults: () => state.faults, setFaults, reset, webhookDeliveries: () => state.webhookDeliveries };
}

/** Waits until every webhook posted so far has been answered (or failed). */
export async function flushPending(pending: Set<Promise<void>>): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}
