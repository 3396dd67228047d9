import { createServer } from 'node:net';

/** Ports this process handed out: the kernel may offer a just-closed port again, before its first user binds it. */
const handedOut = new Set<number>();

/** Asks the kernel for a port that is free right now (for child processes that need one up front). */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await kernelPort();
    if (handedOut.has(port)) continue;
    handedOut.add(port);
    return port;
  }
}

function kernelPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
