/** How long to keep asking, and what to name in the failure. */
export interface WaitOptions {
  what?: string;
  timeoutMs?: number;
  everyMs?: number;
}

/**
 * Asks `check` until it answers something truthy and returns that answer. For effects that happen
 * in real time in another process (activities, webhooks, a worker): the test waits for the effect
 * itself, never for a fixed time. A number is the timeout in milliseconds.
 */
export async function eventually<T>(
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  options: WaitOptions | number = {},
): Promise<T> {
  const {
    what = 'the condition',
    timeoutMs = 10_000,
    everyMs = 25,
  } = typeof options === 'number' ? { timeoutMs: options } : options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, everyMs));
  }
}

/** Reads until the value passes `ok`, and returns it (for values that may legitimately be falsy). */
export async function until<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  options: WaitOptions | number = {},
): Promise<T> {
  const found = await eventually(async () => {
    const value = await read();
    return ok(value) ? { value } : undefined;
  }, options);
  return found.value;
}
