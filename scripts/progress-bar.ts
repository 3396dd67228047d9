/**
 * A progress line for long command-line jobs (seeding, reindexing): redrawn in place on a terminal,
 * one line every 10 % otherwise (CI logs, pipes).
 */
export function progressBar(label: string, total: number, out: NodeJS.WriteStream = process.stderr) {
  const started = performance.now();
  let lastDecile = -1;
  const render = (done: number) => {
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    const width = 30;
    const filled = Math.round(share * width);
    return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${(share * 100).toFixed(0)}% ${rate.toLocaleString('en')}/s`;
  };
  return {
    update(done: number) {
      if (out.isTTY) {
        out.write(`\r${render(done)}`);
        return;
      }
      const decile = Math.floor((total > 0 ? done / total : 1) * 10);
      if (decile > lastDecile) {
        lastDecile = decile;
        out.write(`${render(done)}\n`);
      }
    },
    done(done = total) {
      if (out.isTTY) out.write(`\r${render(done)}\n`);
      else if (lastDecile < 10) out.write(`${render(done)}\n`);
    },
  };
}
