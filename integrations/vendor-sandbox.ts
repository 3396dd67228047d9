/** A simulator started in-process by the sandbox (sandbox/): its base URL, and how to stop it. */
export interface RunningSandbox {
  url: string;
  close(): Promise<void>;
}

/** A vendor has no credentials and the process was given no sandbox to stand in for it. */
export class VendorNotConfiguredError extends Error {
  readonly code = 'VENDOR_NOT_CONFIGURED';
  constructor(
    readonly vendor: string,
    readonly variables: readonly string[],
  ) {
    super(`${vendor} has no credentials (set ${variables.join(', ')}) and no sandbox stands in for it`);
    this.name = 'VendorNotConfiguredError';
  }
}

/** The injected sandbox of a vendor without credentials, or the error naming what to configure. */
export function requireSandbox<T>(sandbox: T | undefined, vendor: string, variables: readonly string[]): T {
  if (!sandbox) throw new VendorNotConfiguredError(vendor, variables);
  return sandbox;
}

/**
 * The simulator's base URL: `given` (a simulator shared by several processes), or one the sandbox
 * starts here, stopped with the process's vendors (`closers`).
 */
export async function simulatorUrl(
  given: string | undefined,
  start: () => Promise<RunningSandbox>,
  closers: Array<() => Promise<void> | void>,
): Promise<string> {
  const url = given?.replace(/\/+$/, '');
  if (url) return url;
  const running = await start();
  closers.push(running.close);
  return running.url;
}
