import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TASK_QUEUES } from '../../workers/task-queues';
import { API_NODE_FLAGS } from '../../config/api-node-flags';
import { isPinnedImage, readText, ROLE_COMMANDS, ROOT, type Role } from './deploy-support';

/** Offline checks of Dockerfile, .dockerignore and docker/entrypoint.sh (no Docker engine here). */

interface Instruction {
  keyword: string;
  args: string;
  stage: string;
}

interface Stage {
  name: string;
  from: string;
  instructions: Instruction[];
}

/** Splits a Dockerfile into instructions (continuations joined, comment lines dropped) per stage. */
function parseDockerfile(text: string): Stage[] {
  const instructions: { keyword: string; args: string }[] = [];
  let pending = '';
  for (const line of text.split('\n')) {
    if (/^\s*#/.test(line)) continue;
    if (pending === '' && line.trim() === '') continue;
    const continued = /\\\s*$/.test(line);
    pending += (pending ? ' ' : '') + line.replace(/\\\s*$/, '').trim();
    if (continued) continue;
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(pending)!;
    instructions.push({ keyword: keyword!.toUpperCase(), args: args!.replace(/\s+/g, ' ').trim() });
    pending = '';
  }
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [from, as, name] = instruction.args.replace(/--platform=\S+\s+/, '').split(' ');
      stages.push({
        name: as?.toUpperCase() === 'AS' ? name! : String(stages.length),
        from: from!,
        instructions: [],
      });
    } else if (stages.length > 0) {
      stages.at(-1)!.instructions.push({ ...instruction, stage: stages.at(-1)!.name });
    }
  }
  return stages;
}

/** The value of an exec-form (JSON array) instruction. */
function execForm(args: string): string[] {
  const parsed: unknown = JSON.parse(args);
  assert.ok(Array.isArray(parsed), `not exec (JSON) form: ${args}`);
  return parsed as string[];
}

/** Docker's .dockerignore semantics: last matching pattern wins, `!` re-includes, a dir match covers its files. */
function dockerIgnored(patterns: string[], path: string): boolean {
  const toRegExp = (pattern: string) =>
    new RegExp(
      '^' +
        pattern
          .replace(/^\/+|\/+$/g, '')
          .split('/')
          .map((part) =>
            part === '**'
              ? '.*'
              : part
                  .replace(/[.+^${}()|[\]\\]/g, '\\$&')
                  .replace(/\*/g, '[^/]*')
                  .replace(/\?/g, '[^/]'),
          )
          .join('/')
          .replace(/\.\*\//g, '(?:.*/)?') +
        '$',
    );
  const candidates = path.split('/').map((_, index, parts) => parts.slice(0, index + 1).join('/'));
  let ignored = false;
  for (const raw of patterns) {
    const negated = raw.startsWith('!');
    const pattern = toRegExp(negated ? raw.slice(1) : raw);
    if (candidates.some((candidate) => pattern.test(candidate))) ignored = !negated;
  }
  return ignored;
}

describe('Dockerfile', () => {
  const stages = parseDockerfile(readText('Dockerfile'));
  const all = stages.flatMap((stage) => stage.instructions);
  const runtime = stages.at(-1)!;
  const stageRunning = (pattern: RegExp) =>
    stages.find((stage) => stage.instructions.some((i) => i.keyword === 'RUN' && pattern.test(i.args)));

  test('is multi-stage, and the runtime stage is node:20-bookworm-slim', () => {
    assert.ok(stages.length >= 3, `only ${stages.length} stage(s)`);
    assert.equal(runtime.from, 'node:20-bookworm-slim');
    assert.equal(new Set(stages.map((stage) => stage.name)).size, stages.length, 'stage names are unique');
  });

  test('every base image is a pinned image or an earlier stage, never latest', () => {
    for (const [index, stage] of stages.entries()) {
      const earlier = stages.slice(0, index).map((s) => s.name);
      assert.ok(
        earlier.includes(stage.from) || isPinnedImage(stage.from),
        `FROM ${stage.from} is not pinned`,
      );
    }
  });

  test('the build stage compiles with `npm ci && npm run build` and checks the role scripts and the workflow bundle', () => {
    const build = stageRunning(/npm run build/);
    assert.ok(build, 'no stage runs npm run build');
    const chain = [build.name];
    for (let stage = build; ;) {
      const parent = stages.find((s) => s.name === stage.from);
      if (!parent) break;
      chain.push(parent.name);
      stage = parent;
    }
    const buildChain = stages
      .filter((stage) => chain.includes(stage.name))
      .flatMap((stage) => stage.instructions);
    assert.ok(
      buildChain.some((i) => i.keyword === 'RUN' && /npm ci(?!\s+--omit)/.test(i.args)),
      'npm ci before build',
    );
    const buildRun = build.instructions.find(
      (i) => i.keyword === 'RUN' && /npm run build/.test(i.args),
    )!.args;
    for (const { script } of Object.values(ROLE_COMMANDS))
      assert.match(buildRun, new RegExp(`test -f ${script}`));
    assert.match(buildRun, /test -f dist\/workflow-bundle\.js/);
  });

  test('the runtime stage takes production node_modules and the build output only', () => {
    const prodDeps = stageRunning(/npm ci --omit=dev/);
    const build = stageRunning(/npm run build/);
    assert.ok(prodDeps && build);
    const copies = runtime.instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args);
    assert.ok(copies.includes(`--from=${prodDeps.name} /app/node_modules ./node_modules`), copies.join('\n'));
    assert.ok(copies.includes(`--from=${build.name} /app/dist ./dist`), copies.join('\n'));
    assert.ok(
      !runtime.instructions.some((i) => i.keyword === 'RUN' && /npm (ci|install)|apt-get/.test(i.args)),
    );
  });

  test('native addons can still be compiled: python3, make and g++ where npm ci runs', () => {
    const deps = stageRunning(/apt-get install/);
    assert.ok(deps, 'no stage installs a toolchain');
    const install = deps.instructions.find(
      (i) => i.keyword === 'RUN' && /apt-get install/.test(i.args),
    )!.args;
    for (const tool of ['python3', 'make', 'g++'])
      assert.ok(install.split(' ').includes(tool), `${tool} missing`);
    // The repository's .npmrc sets nodedir=/usr for our machines; the image's headers are under /usr/local.
    assert.ok(all.some((i) => i.keyword === 'ENV' && /npm_config_nodedir=\/usr\/local/.test(i.args)));
  });

  test('runs as a non-root user with NODE_ENV=production', () => {
    const users = runtime.instructions.filter((i) => i.keyword === 'USER');
    assert.ok(users.length > 0, 'no USER in the runtime stage');
    assert.ok(!['root', '0', '0:0', 'root:root'].includes(users.at(-1)!.args), `USER ${users.at(-1)!.args}`);
    const lastUser = runtime.instructions.lastIndexOf(users.at(-1)!);
    const entrypoint = runtime.instructions.findIndex((i) => i.keyword === 'ENTRYPOINT');
    assert.ok(lastUser < entrypoint, 'USER comes before ENTRYPOINT');
    assert.ok(
      runtime.instructions.some((i) => i.keyword === 'ENV' && /\bNODE_ENV=production\b/.test(i.args)),
    );
  });

  test('ENTRYPOINT is docker/entrypoint.sh, CMD defaults to the api role, both in exec form', () => {
    const entrypoint = runtime.instructions.filter((i) => i.keyword === 'ENTRYPOINT');
    const cmd = runtime.instructions.filter((i) => i.keyword === 'CMD');
    assert.equal(entrypoint.length, 1);
    assert.equal(cmd.length, 1);
    assert.deepEqual(execForm(entrypoint[0]!.args), ['docker/entrypoint.sh']);
    assert.deepEqual(execForm(cmd[0]!.args), ['api']);
    const copy = runtime.instructions.find(
      (i) => i.keyword === 'COPY' && /docker\/entrypoint\.sh/.test(i.args),
    );
    assert.ok(copy, 'the entrypoint is copied into the image');
    assert.match(copy.args, /--chmod=0?755 docker\/entrypoint\.sh \.\/docker\/entrypoint\.sh$/);
    assert.ok(runtime.instructions.some((i) => i.keyword === 'WORKDIR' && i.args === '/app'));
  });

  test('HEALTHCHECK probes the api /healthz on $PORT, and the ports are exposed', () => {
    const healthchecks = runtime.instructions.filter((i) => i.keyword === 'HEALTHCHECK');
    assert.equal(healthchecks.length, 1);
    const check = healthchecks[0]!.args;
    assert.match(check, /--interval=\d+s/);
    assert.match(check, /--timeout=\d+s/);
    const command = execForm(check.slice(check.indexOf('CMD') + 3).trim());
    assert.equal(command[0], 'node', 'the slim image has no curl or wget');
    assert.match(command.join(' '), /\/healthz/);
    assert.match(command.join(' '), /process\.env\.PORT/);
    const exposed = runtime.instructions
      .filter((i) => i.keyword === 'EXPOSE')
      .flatMap((i) => i.args.split(' '));
    assert.ok(exposed.includes('3000') && exposed.includes('3001'), `EXPOSE ${exposed.join(' ')}`);
  });

  test('hadolint-style rules: apt without recommends and with cleanup, COPY not ADD, no cd, no sudo, no npm install', () => {
    for (const { keyword, args, stage } of all) {
      const where = `${stage}: ${keyword} ${args}`;
      assert.notEqual(keyword, 'ADD', `use COPY (${where})`);
      assert.notEqual(keyword, 'MAINTAINER', where);
      if (keyword === 'WORKDIR') assert.ok(args.startsWith('/'), `WORKDIR must be absolute (${where})`);
      if (keyword !== 'RUN') continue;
      assert.doesNotMatch(args, /(^|&&|;)\s*cd\s/, `use WORKDIR instead of cd (${where})`);
      assert.doesNotMatch(args, /\bsudo\b/, where);
      assert.doesNotMatch(args, /\bnpm (install|i)\b/, `npm ci installs exactly the lock file (${where})`);
      if (/apt-get install/.test(args)) {
        assert.match(args, /apt-get update/, `update in the same layer (${where})`);
        assert.match(args, /--no-install-recommends/, where);
        assert.match(args, /\s-y\b/, where);
        assert.match(args, /rm -rf \/var\/lib\/apt\/lists/, where);
      }
    }
  });

  test('everything copied from the context exists and is not hidden by .dockerignore', () => {
    const patterns = readText('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    const sources = all
      .filter((i) => i.keyword === 'COPY' && !i.args.includes('--from='))
      .flatMap((i) =>
        i.args
          .split(' ')
          .filter((word) => !word.startsWith('--'))
          .slice(0, -1),
      );
    assert.ok(sources.length > 0);
    for (const source of sources.filter((s) => s !== '.')) {
      assert.ok(existsSync(join(ROOT, source)), `${source} does not exist`);
      assert.ok(!dockerIgnored(patterns, source), `${source} is excluded by .dockerignore`);
    }
    // What `COPY . .` must carry for tsc and npm, and what it must leave out.
    const tsconfig = JSON.parse(readText('tsconfig.json')) as { include: string[] };
    for (const path of [
      ...tsconfig.include,
      'test/support/database.ts',
      'package.json',
      'package-lock.json',
      '.npmrc',
      'tsconfig.json',
      'tsconfig.build.json',
    ]) {
      assert.ok(!dockerIgnored(patterns, path), `${path} must reach the build stage`);
    }
    for (const path of [
      'node_modules/hono/package.json',
      'dist/api/server.js',
      'var/jangteo.sqlite',
      '.git/HEAD',
      '.tools/temporal/bin',
      '.env',
      'k8s/secret.yaml',
    ]) {
      assert.ok(dockerIgnored(patterns, path), `${path} must stay out of the build context`);
    }
  });

  test('the .dockerignore reading used above follows Docker rules', () => {
    assert.ok(dockerIgnored(['node_modules'], 'node_modules/a/b.js'));
    assert.ok(dockerIgnored(['**/*.log'], 'a/b/c.log'));
    assert.ok(dockerIgnored(['**/*.log'], 'c.log'));
    assert.ok(!dockerIgnored(['docker/*', '!docker/entrypoint.sh'], 'docker/entrypoint.sh'));
    assert.ok(dockerIgnored(['docker/*', '!docker/entrypoint.sh'], 'docker/compose.env.example'));
    assert.ok(!dockerIgnored(['dist'], 'distribution/x'));
  });

  test('`npm run build` compiles the role scripts to the paths the entrypoint runs and writes the bundle', () => {
    const pkg = JSON.parse(readText('package.json')) as { scripts: Record<string, string> };
    assert.match(pkg.scripts.build!, /dist\/workflow-bundle\.js/);
    const tsconfig = JSON.parse(readText('tsconfig.json')) as {
      compilerOptions: { rootDir: string; outDir: string };
    };
    assert.equal(tsconfig.compilerOptions.rootDir, '.');
    assert.equal(tsconfig.compilerOptions.outDir, 'dist');
    for (const { script, source } of Object.values(ROLE_COMMANDS)) {
      assert.ok(existsSync(join(ROOT, source)), `${source} (compiled to ${script}) is missing`);
      assert.equal(script, `dist/${source.replace(/\.ts$/, '.js')}`);
    }
  });
});

describe('docker/entrypoint.sh', () => {
  const script = join(ROOT, 'docker', 'entrypoint.sh');
  let stubDir: string;

  before(() => {
    // A stand-in `node` that reports how it was started, so each role runs without a built image.
    stubDir = mkdtempSync(join(tmpdir(), 'jangteo-entrypoint-'));
    writeFileSync(
      join(stubDir, 'node'),
      '#!/bin/sh\nprintf "pid=%s\\ncwd=%s\\nargs=%s\\n" "$$" "$(pwd)" "$*"\n',
    );
    chmodSync(join(stubDir, 'node'), 0o755);
  });

  after(() => rmSync(stubDir, { recursive: true, force: true }));

  function run(args: string[], options: { cwd?: string; command?: string } = {}) {
    const result = spawnSync(options.command ?? script, args, {
      cwd: options.cwd ?? tmpdir(),
      env: { ...process.env, PATH: `${stubDir}:${process.env.PATH}` },
      encoding: 'utf8',
    });
    const report = Object.fromEntries(
      result.stdout
        .split('\n')
        .filter((line) => line.includes('='))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    return { status: result.status, stderr: result.stderr, pid: result.pid, report };
  }

  test('is a POSIX sh script that `sh -n` accepts, and is executable', () => {
    assert.ok(readText('docker/entrypoint.sh').startsWith('#!/bin/sh\n'));
    const check = spawnSync('sh', ['-n', script], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
    assert.ok(statSync(script).mode & 0o111, 'docker/entrypoint.sh is not executable');
    assert.doesNotMatch(
      readText('docker/entrypoint.sh'),
      /\[\[|\bfunction\s|\$\{[^}]*\/\/|<<<|\bsource\s/,
      'bashism',
    );
  });

  const cases: { args: string[]; role: Role; expected: string }[] = [
    { args: ['api'], role: 'api', expected: '' },
    { args: ['worker'], role: 'worker', expected: 'all' },
    { args: ['worker', 'all'], role: 'worker', expected: 'all' },
    { args: ['worker', 'payment', 'shipping'], role: 'worker', expected: 'payment shipping' },
    { args: ['migrate'], role: 'migrate', expected: 'up' },
    { args: ['migrate', 'down'], role: 'migrate', expected: 'down' },
  ];
  for (const { args, role, expected } of cases) {
    const command = [...ROLE_COMMANDS[role].flags, ROLE_COMMANDS[role].script, expected].join(' ').trimEnd();
    test(`\`${args.join(' ')}\` execs node ${command}`, () => {
      const { status, report, pid, stderr } = run(args);
      assert.equal(status, 0, stderr);
      assert.equal(report.args, command);
      assert.equal(report.cwd, ROOT, 'dist/ is resolved from the image root whatever the working directory');
      assert.equal(
        Number(report.pid),
        pid,
        'node replaces the shell (exec), so it is PID 1 and gets SIGTERM',
      );
    });
  }

  test('works as the image calls it: a relative path from the image root', () => {
    const { status, report } = run(['api'], { cwd: ROOT, command: 'docker/entrypoint.sh' });
    assert.equal(status, 0);
    assert.equal(report.args, [...API_NODE_FLAGS, ROLE_COMMANDS.api.script].join(' '));
  });

  test('the api role and `npm run start:api` / `npm start` give Node the same flags as config/api-node-flags.ts', () => {
    const scripts = (JSON.parse(readText('package.json')) as { scripts: Record<string, string> }).scripts;
    assert.equal(scripts['start:api'], ['node', ...API_NODE_FLAGS, ROLE_COMMANDS.api.script].join(' '));
    assert.equal(scripts.start, ['tsx', ...API_NODE_FLAGS, 'launcher/embedded.ts'].join(' '));
  });

  for (const args of [[], ['serve'], ['api', 'extra'], ['migrate', 'sideways'], ['migrate', 'up', 'again']]) {
    test(`\`${args.join(' ') || '(no arguments)'}\` stops with a usage error and starts nothing`, () => {
      const { status, stderr, report } = run(args);
      assert.equal(status, 64);
      assert.equal(report.args, undefined, 'node was started');
      assert.match(stderr, /^entrypoint: /m);
      assert.match(stderr, /usage: docker\/entrypoint\.sh <role>/);
    });
  }

  test('the usage names every role and every task queue the worker knows', () => {
    const { status, stderr } = run(['--help']);
    assert.equal(status, 0);
    for (const role of Object.keys(ROLE_COMMANDS)) assert.match(stderr, new RegExp(`^\\s+${role}\\b`, 'm'));
    for (const queue of TASK_QUEUES) assert.match(stderr, new RegExp(`\\b${queue}\\b`), `queue ${queue}`);
  });
});
