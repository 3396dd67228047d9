import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CONSOLE_DIR = resolve(__dirname, '..', 'console');
const BUILT_INDEX = join(CONSOLE_DIR, 'dist', 'index.html');

function newestChange(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** True when console/dist is missing or older than a source of the console. */
export function consoleNeedsBuild(): boolean {
  if (!existsSync(BUILT_INDEX)) return true;
  const sources = ['src', 'index.html', 'vite.config.mts'].map((name) => join(CONSOLE_DIR, name));
  return Math.max(...sources.map(newestChange)) > statSync(BUILT_INDEX).mtimeMs;
}

/** `vite build` of the console into console/dist (about a second); quiet unless something is wrong. */
export async function buildConsole(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(CONSOLE_DIR, 'vite.config.mts'), logLevel: 'warn' });
}

if (require.main === module) {
  buildConsole()
    .then(() => console.log('built console/dist'))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
