import { createPopbillSimulator } from './popbill.simulator';

/** `tsx simulators/popbill/main.ts` — the Popbill tax-invoice simulator on POPBILL_SIMULATOR_PORT (default 4030). */
async function main(): Promise<void> {
  const port = Number(process.env.POPBILL_SIMULATOR_PORT ?? 4030);
  const running = await createPopbillSimulator().start(
    port,
    process.env.POPBILL_SIMULATOR_HOST ?? '127.0.0.1',
  );
  console.log(`Popbill simulator on ${running.url} (issued invoices: ${running.url}/__sim/invoices)`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
