import { createCourierSimulator, SANDBOX_SWEETTRACKER_KEY } from './courier.simulator';

/**
 * `tsx simulators/courier/main.ts` — the courier-tracking simulator on COURIER_SIMULATOR_PORT
 * (default 4020), moving registered parcels one step every COURIER_SANDBOX_STEP_SECONDS (default 10).
 */
async function main(): Promise<void> {
  const port = Number(process.env.COURIER_SIMULATOR_PORT ?? 4020);
  const stepSeconds = Number(process.env.COURIER_SANDBOX_STEP_SECONDS ?? 10);
  const simulator = createCourierSimulator({
    apiKeys: [process.env.SWEETTRACKER_API_KEY ?? SANDBOX_SWEETTRACKER_KEY],
    stepIntervalMs: Math.round(stepSeconds * 1000),
  });
  const running = await simulator.start({
    port,
    hostname: process.env.COURIER_SIMULATOR_HOST ?? '127.0.0.1',
  });
  console.log(`Courier simulator (SweetTracker) on ${running.url}, one step every ${stepSeconds} s`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
