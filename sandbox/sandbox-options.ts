import { join } from 'node:path';

/**
 * How the local shop's simulators run (config/sandbox-simulators.config.ts): fixed ports and a
 * state directory. Absent (tests), each listens on a free port and forgets everything when stopped.
 */
export interface SandboxOptions {
  stateDir?: string;
  ports?: Partial<Record<'pg' | 'nhn' | 'mail' | 'smtp' | 'courier' | 'banking' | 'popbill', number>>;
}

/** The JSON file a simulator keeps its state in, when the sandbox has a state directory. */
export const stateFileOf = (options: SandboxOptions, simulator: string) =>
  options.stateDir ? join(options.stateDir, `${simulator}.json`) : undefined;
