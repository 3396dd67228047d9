import { Connection } from '@temporalio/client';
(async () => {
  const c = await Connection.connect({ address: process.argv[2]! });
  const t = await c.testService.getCurrentTime({});
  console.log(new Date(Number(t.time!.seconds) * 1000).toISOString());
  await c.close();
})();
