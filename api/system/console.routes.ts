import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { Hono } from 'hono';
import { contentTypeOf } from './static-content-types';

/** The project root, from the sources (api/system) or from the compiled files (dist/api/system). */
const up = resolve(__dirname, '..', '..');
/** `npm run console:build` writes here; the image copies it to the same place beside dist/. */
export const CONSOLE_DIST_DIR = join(basename(up) === 'dist' ? dirname(up) : up, 'console', 'dist');

async function fileAt(path: string): Promise<Buffer | null> {
  try {
    return (await stat(path)).isFile() ? await readFile(path) : null;
  } catch {
    return null;
  }
}

/**
 * The web console (docs/console.md) at /console: the built files of console/dist, hashed assets
 * cached for a year, and index.html for every other path so deep links reach the client router.
 * Without a build, /console says how to make one.
 */
export function createConsoleRoutes(distDir = CONSOLE_DIST_DIR) {
  const serve = async (path: string) => {
    const relativePath = normalize(path.replace(/^\/console\/?/, '') || 'index.html');
    const target = join(distDir, relativePath);
    if (!target.startsWith(distDir + sep)) return null;
    const file = await fileAt(target);
    if (file) return { file, path: relativePath, type: contentTypeOf(target) };
    // A missing asset is a 404; any other path is a screen of the client router.
    if (relativePath.startsWith(`assets${sep}`) || extname(relativePath) !== '') return null;
    const index = await fileAt(join(distDir, 'index.html'));
    return index && { file: index, path: 'index.html', type: contentTypeOf('index.html') };
  };

  return new Hono().get('/console/*', async (c) => {
    const found = await serve(c.req.path);
    if (!found) {
      const built = await fileAt(join(distDir, 'index.html'));
      return built
        ? c.text('Not found', 404)
        : c.text('The console is not built: run `npm run console:build` (npm start builds it).', 503);
    }
    const immutable = found.path.startsWith(`assets${sep}`);
    return c.body(new Uint8Array(found.file), 200, {
      'content-type': found.type,
      // index.html names the current hashed assets: always revalidated, so a deploy shows at once.
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  });
}
