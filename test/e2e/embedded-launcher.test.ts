import assert from 'node:assert/strict';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, test } from 'node:test';
import { Client, Connection } from '@temporalio/client';
import { freePort } from '../support/free-port';

const ROOT = resolve(__dirname, '..', '..');

interface Launched {
  child: ChildProcess;
  output: string[];
}

/** `npm start` as a newcomer runs it: nothing configured but ports and the var/ directory. */
function launch(env: Record<string, string>): Launched {
  const output: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'launcher/embedded.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH!,
      HOME: process.env.HOME ?? '/tmp',
      TEMPORAL_CLI_PATH: process.env.TEMPORAL_CLI_PATH ?? '',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  return { child, output };
}

async function waitFor(url: string, launched: Launched, timeoutMs = 60_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (launched.child.exitCode !== null) assert.fail(`launcher exited early:\n${launched.output.join('')}`);
    try {
      const response = await fetch(url);
      if (response.ok) return response;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.fail(`${url} did not answer within ${timeoutMs} ms:\n${launched.output.join('')}`);
}

/** Child processes of `pid` whose command line mentions `name`. */
function childrenOf(pid: number, name: string): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)])
      .toString()
      .split('\n')
      .filter((line) => line.includes(name))
      .map((line) => Number(line.trim().split(/\s+/)[0]));
  } catch {
    return [];
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function waitForText(launched: Launched, text: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!launched.output.join('').includes(text)) {
    if (Date.now() > deadline)
      assert.fail(`no "${text}" within ${timeoutMs} ms:\n${launched.output.join('')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function stop(launched: Launched): Promise<number | null> {
  return new Promise((done) => {
    if (launched.child.exitCode !== null) return done(launched.child.exitCode);
    launched.child.once('exit', (code) => done(code));
    launched.child.kill('SIGINT');
  });
}

describe('npm start (embedded default)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jangteo-embedded-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('serves the API and the Temporal UI, keeps workflows across a restart, and leaves no process behind', async () => {
    const [port, temporalPort, uiPort, courierPort] = [
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    const env = {
      PORT: String(port),
      TEMPORAL_DEV_PORT: String(temporalPort),
      TEMPORAL_UI_PORT: String(uiPort),
      SQLITE_PATH: join(dir, 'jangteo.sqlite'),
      TEMPORAL_DB_PATH: join(dir, 'temporal.db'),
      IMAGE_STORAGE_DIR: join(dir, 'images'),
      // The sandbox's fixed default ports could be taken on a shared machine: free ones, one given.
      SANDBOX_STATE_DIR: join(dir, 'sandbox'),
      SANDBOX_COURIER_PORT: String(courierPort),
      ...Object.fromEntries(
        ['PG', 'NHN', 'MAIL', 'SMTP', 'BANKING', 'POPBILL'].map((name) => [`SANDBOX_${name}_PORT`, '0']),
      ),
    };

    const first = launch(env);
    const started = Date.now();
    await waitFor(`http://127.0.0.1:${port}/healthz`, first);
    const ready = (await (await waitFor(`http://127.0.0.1:${port}/readyz`, first)).json()) as {
      checks: Record<string, { status: string }>;
    };
    assert.ok(Date.now() - started < 60_000);
    assert.deepEqual(Object.keys(ready.checks).sort(), ['cache', 'database', 'temporal']);
    const namespaces = (await (
      await waitFor(`http://127.0.0.1:${uiPort}/api/v1/namespaces`, first)
    ).json()) as {
      namespaces: Array<{ namespaceInfo: { name: string } }>;
    };
    assert.ok(
      namespaces.namespaces.some((n) => n.namespaceInfo.name === 'default'),
      'the UI shows the default namespace',
    );

    // A workflow nobody serves stays running: it must still be there after a restart.
    const connection = await Connection.connect({ address: `127.0.0.1:${temporalPort}` });
    const client = new Client({ connection });
    const workflowId = `restart-probe-${process.pid}`;
    await client.workflow.start('restartProbeWorkflow', { taskQueue: 'nobody-serves-this', workflowId });
    await connection.close();

    const children = childrenOf(first.child.pid!, 'start-dev');
    assert.ok(children.length > 0, 'the launcher started a Temporal dev server');
    await waitForText(first, 'Stop: Ctrl-C');
    const beforeStop = first.output.join('').length;
    assert.equal(await stop(first), 0, 'Ctrl-C exits cleanly');
    for (const pid of children) assert.equal(alive(pid), false, `child ${pid} was left running`);

    // Not a terminal: JSON lines, each step announced and then timed, and a plain summary at the end.
    const output = first.output.join('');
    const lines = output.split('\n');
    const json = lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Json);
    for (const step of [
      'Temporal CLI',
      'Temporal dev server',
      'migrations',
      'bundling the workflows',
      'workers',
    ]) {
      const mine = json.filter((entry) => typeof entry.step === 'string' && entry.step.includes(step));
      assert.equal(mine.length, 2, `"${step}" is announced, then timed:\n${output}`);
      assert.ok(
        Number.isInteger(mine[1]!.ms) && String(mine[1]!.msg).includes(' s'),
        `${step} says how long`,
      );
    }
    const summary = output.slice(output.indexOf('장터 Jangteo 실행 중'));
    for (const expected of [
      `http://localhost:${port}/api/v1`,
      `http://localhost:${port}/docs`,
      `http://localhost:${uiPort}`,
      `http://127.0.0.1:${courierPort}/__sim/parcels`,
      '/__sim/messages',
      'Ctrl-C',
    ])
      assert.ok(summary.includes(expected), `the summary names ${expected}:\n${summary}`);
    const afterStop = output
      .slice(beforeStop)
      .split('\n')
      .filter((line) => line.trim() !== '');
    const alarming = afterStop.filter(
      (line) => !line.startsWith('{') || /"level":"(warn|error|fatal)"/.test(line),
    );
    assert.deepEqual(alarming, [], 'Ctrl-C prints no warnings or errors');

    const second = launch(env);
    try {
      await waitFor(`http://127.0.0.1:${port}/readyz`, second);
      const again = await Connection.connect({ address: `127.0.0.1:${temporalPort}` });
      const description = await new Client({ connection: again }).workflow.getHandle(workflowId).describe();
      assert.equal(description.status.name, 'RUNNING');
      await again.close();
    } finally {
      await stop(second);
    }
  });
});
