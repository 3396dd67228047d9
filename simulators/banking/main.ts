import { createBankingSimulator } from './banking.simulator';

/** `tsx simulators/banking/main.ts` — the firm-banking simulator on BANKING_SIMULATOR_PORT (default 4020). */
async function main(): Promise<void> {
  const port = Number(process.env.BANKING_SIMULATOR_PORT ?? 4020);
  const running = await createBankingSimulator().start(
    port,
    process.env.BANKING_SIMULATOR_HOST ?? '127.0.0.1',
  );
  console.log(`firm-banking simulator on ${running.url} (transfers: ${running.url}/__sim/transfers)`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
