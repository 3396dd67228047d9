import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../../domain/identity/ports';

/**
 * argon2id (the library's default algorithm) with OWASP's baseline cost: 19 MiB, 2 passes, 1 lane.
 * The PHC string carries its parameters, so raising the cost later still verifies old hashes.
 */
export class Argon2PasswordHasher implements PasswordHasher {
  constructor(
    private readonly options: { memoryCost: number; timeCost: number } = { memoryCost: 19456, timeCost: 2 },
  ) {}

  hash(plaintext: string): Promise<string> {
    return hash(plaintext, {
      memoryCost: this.options.memoryCost,
      timeCost: this.options.timeCost,
      parallelism: 1,
    });
  }

  async verify(stored: string, plaintext: string): Promise<boolean> {
    try {
      return await verify(stored, plaintext);
    } catch {
      return false;
    }
  }
}
