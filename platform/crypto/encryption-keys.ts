/**
 * Versioned keys from configuration: `v2:<base64>,v1:<base64>`. The first key encrypts; every key
 * listed still decrypts the values made with it, so a rotation adds a key in front and keeps the old.
 */
export interface VersionedKey {
  id: string;
  key: Buffer;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;

export function parseVersionedKeys(spec: string, bytes = 32): VersionedKey[] {
  const keys = spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const colon = part.indexOf(':');
      if (colon < 1) throw new Error('each key must be written id:base64');
      const id = part.slice(0, colon);
      if (!KEY_ID.test(id)) throw new Error(`key id "${id}" must be 1–16 letters, digits, _ or -`);
      const key = Buffer.from(part.slice(colon + 1), 'base64');
      if (key.length !== bytes)
        throw new Error(`key ${id} must decode to ${bytes} bytes (got ${key.length})`);
      return { id, key };
    });
  if (keys.length === 0) throw new Error('at least one key is required');
  if (new Set(keys.map((k) => k.id)).size !== keys.length) throw new Error('key ids must be unique');
  return keys;
}

export function formatVersionedKeys(keys: VersionedKey[]): string {
  return keys.map((k) => `${k.id}:${k.key.toString('base64')}`).join(',');
}
