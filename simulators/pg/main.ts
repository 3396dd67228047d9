import { createPgSimulator } from './pg.simulator';

/** `tsx simulators/pg/main.ts` — the PG simulator on PG_SIMULATOR_PORT (default 4010). */
async function main(): Promise<void> {
  const port = Number(process.env.PG_SIMULATOR_PORT ?? 4010);
  const simulator = createPgSimulator({
    toss: {
      webhookUrl: process.env.TOSS_WEBHOOK_URL,
      secretKeys: process.env.TOSS_SECRET_KEY ? [process.env.TOSS_SECRET_KEY] : undefined,
    },
    nicepay: { webhookUrl: process.env.NICEPAY_WEBHOOK_URL },
  });
  const running = await simulator.start({ port, hostname: process.env.PG_SIMULATOR_HOST ?? '127.0.0.1' });
  console.log(
    `PG simulator on ${running.url} (Toss API ${running.url}/toss, window ${running.url}/sandbox/toss/checkout)`,
  );
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
