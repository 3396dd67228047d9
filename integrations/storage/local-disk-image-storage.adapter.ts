import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { imageTypeOfExtension } from '../../domain/catalog/image-type';
import type { ImageStorage, StoredImage } from '../../domain/catalog/ports';

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/**
 * Image bytes as files under one directory (IMAGE_STORAGE_DIR, default var/images). Keys are flat
 * and checked, so no key can reach outside the directory; files are written to a temporary name and
 * renamed, so a reader never sees half an image. Spread into 256 sub-directories by a hash of the key.
 */
export class LocalDiskImageStorage implements ImageStorage {
  private readonly root: string;

  constructor(directory: string) {
    this.root = resolve(directory);
  }

  private pathOf(key: string): string {
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`Unsafe storage key: ${key}`);
    let hash = 0;
    for (const ch of key) hash = (hash * 31 + ch.charCodeAt(0)) & 0xff;
    return join(this.root, hash.toString(16).padStart(2, '0'), key);
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(join(path, '..'), { recursive: true });
    const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  }

  async get(key: string): Promise<StoredImage | null> {
    let path: string;
    try {
      path = this.pathOf(key);
    } catch {
      return null;
    }
    const type = imageTypeOfExtension(key.slice(key.lastIndexOf('.') + 1));
    try {
      const bytes = await readFile(path);
      return { bytes, contentType: type?.contentType ?? 'application/octet-stream' };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
