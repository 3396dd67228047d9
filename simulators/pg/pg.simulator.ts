import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { PgSimulatorModule } from './sim-module';
import { jsonObjectOf } from './shared/json-body';
import { createTossSimulator, type TossSimulator, type TossSimulatorOptions } from './toss/toss.simulator';
import {
  createNicepaySimulator,
  type NicepaySimulator,
  type NicepaySimulatorOptions,
} from './nicepay/nicepay.simulator';
import {
  createInicisSimulator,
  type InicisSimulator,
  type InicisSimulatorOptions,
} from './inicis/inicis.simulator';
import {
  createKakaoPaySimulator,
  type KakaoPaySimulator,
  type KakaoPaySimulatorOptions,
} from './kakaopay/kakaopay.simulator';
import {
  createNaverPaySimulator,
  type NaverPaySimulator,
  type NaverPaySimulatorOptions,
} from './naverpay/naverpay.simulator';

/**
 * The local PG server: every PG Jangteo talks to, each under its own prefix (see sim-module.ts),
 * plus shared test controls:
 *   POST /__sim/faults    {pg?: "toss", ...knobs}   arm fault knobs (pg defaults to toss)
 *   GET  /__sim/faults                              current knobs per PG
 *   POST /__sim/config    {pg?: "toss", webhookUrl} where webhooks go
 *   GET  /__sim/payments[?pg=toss]                  payments the PGs hold
 *   GET  /__sim/webhooks[?pg=toss]                  webhook deliveries (attempts and answers)
 *   POST /__sim/webhooks/flush                      deliver held (out-of-order) webhooks, newest first
 *   POST /reset  (also /__sim/reset)                forget everything, restore the start options
 * Imports nothing from the shop: it is written from the vendors' contracts (docs/vendors/).
 */
export interface PgSimulatorOptions {
  toss?: TossSimulatorOptions;
  nicepay?: NicepaySimulatorOptions;
  inicis?: InicisSimulatorOptions;
  kakaopay?: KakaoPaySimulatorOptions;
  naverpay?: NaverPaySimulatorOptions;
}

export interface RunningPgSimulator {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface PgSimulator {
  app: Hono;
  state: {
    toss: TossSimulator['state'];
    nicepay: NicepaySimulator['state'];
    inicis: InicisSimulator['state'];
    kakaopay: KakaoPaySimulator['state'];
    naverpay: NaverPaySimulator['state'];
  };
  modules: {
    toss: TossSimulator;
    nicepay: NicepaySimulator;
    inicis: InicisSimulator;
    kakaopay: KakaoPaySimulator;
    naverpay: NaverPaySimulator;
  };
  reset(): void;
  /** Listen on a port (0 = any free port). */
  start(options?: { port?: number; hostname?: string }): Promise<RunningPgSimulator>;
  /** Release hanging requests and timers (called by the running server's close()). */
  close(): void;
}

export function createPgSimulator(options: PgSimulatorOptions = {}): PgSimulator {
  const toss = createTossSimulator(options.toss);
  const nicepay = createNicepaySimulator(options.nicepay);
  const inicis = createInicisSimulator(options.inicis);
  const kakaopay = createKakaoPaySimulator(options.kakaopay);
  const naverpay = createNaverPaySimulator(options.naverpay);
  const modules: Record<string, PgSimulatorModule> = { toss, nicepay, inicis, kakaopay, naverpay };
  const pick = (name: string | undefined) => modules[(name ?? 'toss').toLowerCase()];

  const app = new Hono();
  for (const module of Object.values(modules)) {
    app.route(`/${module.name}`, module.api);
    app.route(`/sandbox/${module.name}`, module.sandbox);
    app.route(`/__sim/${module.name}`, module.control);
  }

  const readBody = async (request: Request) => (await jsonObjectOf(request)) ?? {};

  app.post('/__sim/faults', async (c) => {
    const { pg, ...knobs } = await readBody(c.req.raw);
    const module = pick(pg as string | undefined);
    if (!module) return c.json({ error: `unknown pg "${String(pg)}"`, known: Object.keys(modules) }, 400);
    try {
      module.setFaults(knobs);
    } catch (error) {
      return c.json({ error: error instanceof Error ? error.message : String(error) }, 400);
    }
    return c.json({ pg: module.name, faults: module.faults() });
  });
  app.get('/__sim/faults', (c) =>
    c.json(Object.fromEntries(Object.values(modules).map((m) => [m.name, m.faults()]))),
  );
  app.post('/__sim/config', async (c) => {
    const { pg, ...config } = await readBody(c.req.raw);
    const module = pick(pg as string | undefined);
    if (!module) return c.json({ error: `unknown pg "${String(pg)}"` }, 400);
    module.configure(config);
    return c.json({ pg: module.name, ok: true });
  });
  app.get('/__sim/payments', (c) => {
    const pg = c.req.query('pg');
    if (pg)
      return pick(pg) ? c.json({ [pg]: pick(pg)!.payments() }) : c.json({ error: `unknown pg "${pg}"` }, 400);
    return c.json(Object.fromEntries(Object.values(modules).map((m) => [m.name, m.payments()])));
  });
  app.get('/__sim/webhooks', (c) =>
    c.json(
      Object.fromEntries(
        Object.values(modules)
          .filter((m) => !c.req.query('pg') || m.name === c.req.query('pg'))
          .map((m) => [m.name, m.webhooks()]),
      ),
    ),
  );
  app.post('/__sim/webhooks/flush', async (c) => {
    let delivered = 0;
    for (const module of Object.values(modules)) delivered += await module.flushWebhooks();
    return c.json({ delivered });
  });
  const reset = () => {
    for (const module of Object.values(modules)) module.reset();
  };
  app.post('/reset', (c) => (reset(), c.json({ ok: true })));
  app.post('/__sim/reset', (c) => (reset(), c.json({ ok: true })));
  app.get('/', (c) => c.json({ simulator: 'jangteo-pg', pgs: Object.keys(modules) }));

  const close = () => {
    for (const module of Object.values(modules)) module.close();
  };

  return {
    app,
    state: {
      toss: toss.state,
      nicepay: nicepay.state,
      inicis: inicis.state,
      kakaopay: kakaopay.state,
      naverpay: naverpay.state,
    },
    modules: { toss, nicepay, inicis, kakaopay, naverpay },
    reset,
    close,
    start: ({ port = 0, hostname = '127.0.0.1' } = {}) =>
      new Promise((resolve, reject) => {
        const server = serve({ fetch: app.fetch, port, hostname }, (info: AddressInfo) =>
          resolve({
            url: `http://${hostname}:${info.port}`,
            port: info.port,
            close: () =>
              new Promise<void>((done) => {
                close();
                server.close(() => done());
                (server as { closeAllConnections?: () => void }).closeAllConnections?.();
              }),
          }),
        );
        server.once('error', reject);
      }),
  };
}
