// One lint setup: TypeScript rules everywhere, plus the architectural fences of docs/architecture.md:
// workflow code stays deterministic (no Node built-ins, activities imported as types only), domain
// code stays pure (no I/O or framework imports), and each layer imports only the layers below it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const ioPackages = [
  'typeorm',
  'mysql2',
  'better-sqlite3',
  'ioredis',
  'hono',
  '@hono/*',
  '@temporalio/*',
  '@elastic/*',
  'nodemailer',
  '@sendgrid/*',
  'pino',
  'prom-client',
  'jose',
  '@node-rs/*',
  'smtp-server',
  'mailparser',
];

// The layers of docs/architecture.md: each folder names the folders its imports may not reach.
const layer = (...folders) => folders.flatMap((folder) => [`**/${folder}`, `**/${folder}/**`]);
// `**/api` would also match the package `@opentelemetry/api`: packages are not layers.
const layerFence = (message, ...folders) => ({
  group: [...layer(...folders), '!@opentelemetry/**'],
  message,
});
/** Everything that may call use cases or implement their ports: out of reach of domain/ and application/. */
const aboveApplication = [
  'persistence',
  'integrations',
  'api',
  'activities',
  'workflows',
  'platform',
  'config',
  'contexts',
  'launcher',
  'workers',
  'sandbox',
];
const notes = {
  domain: 'Domain code imports only domain/: ports are implemented outside it.',
  application: 'Use cases import only domain/ and application/; adapters are injected through ports.',
  adapters:
    'Persistence and integrations implement domain ports: they import domain/ and platform/, never what calls them.',
  entry:
    'Routes and activities call use cases; concrete adapters are wired in contexts/ (create<Context>Context).',
  platform: 'Platform is shared plumbing: it imports no context code.',
};

export default tseslint.config(
  // console/dist is built; the console's API client is generated (npm run console:client).
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'var/**',
      '.tools/**',
      'console/dist/**',
      'console/src/api/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    // Starters (*.starter.ts) start and signal workflows from outside with @temporalio/client; the
    // bundle entry (workflows/index.ts) never reaches them.
    ignores: ['workflows/**/*.test.ts', 'workflows/**/*.starter.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'Workflow code must be deterministic: no Node built-ins.',
          })),
          patterns: [
            {
              group: ['@temporalio/client', '**/*.starter'],
              message: 'Workflow code is bundled: starters and the Temporal client stay outside it.',
            },
            {
              group: ['**/activities/**', '**/activities'],
              allowTypeImports: true,
              message: 'Workflows import activities as types only (import type + proxyActivities).',
            },
            {
              group: [
                'typeorm',
                'mysql2',
                'ioredis',
                'hono',
                '@hono/*',
                '@elastic/*',
                'nodemailer',
                '@sendgrid/*',
                'pino',
              ],
              message: 'Workflow code must not do I/O.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['domain/**/*.ts'],
    ignores: ['domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'Domain code is pure: no Node built-ins.' })),
          patterns: [
            { group: ioPackages, message: 'Domain code is pure: no I/O or framework imports.' },
            layerFence(notes.domain, 'application', ...aboveApplication),
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Domain code is pure: no I/O.' },
        { name: 'process', message: 'Domain code is pure: configuration comes in as arguments.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Time comes in as an argument.' },
        { object: 'Math', property: 'random', message: 'Randomness comes in as an argument.' },
        { object: 'crypto', property: 'randomUUID', message: 'Ids come in as arguments.' },
      ],
    },
  },
  {
    files: ['application/**/*.ts'],
    ignores: ['application/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ioPackages, message: notes.application },
            layerFence(notes.application, ...aboveApplication),
          ],
        },
      ],
    },
  },
  {
    files: ['persistence/**/*.ts', 'integrations/**/*.ts'],
    ignores: ['persistence/**/*.test.ts', 'integrations/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layerFence(
              notes.adapters,
              'application',
              'api',
              'activities',
              'workflows',
              'contexts',
              'launcher',
              'workers',
              'sandbox',
            ),
          ],
        },
      ],
    },
  },
  {
    // api/server.ts and api/compose-app.ts are composition roots: they wire the contexts.
    files: ['api/**/*.ts', 'activities/**/*.ts'],
    ignores: ['api/**/*.test.ts', 'activities/**/*.test.ts', 'api/server.ts', 'api/compose-app.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layerFence(
              notes.entry,
              'persistence',
              'integrations',
              'contexts',
              'config',
              'launcher',
              'workers',
              'sandbox',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['platform/**/*.ts'],
    ignores: ['platform/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layerFence(
              notes.platform,
              'application',
              'api',
              'activities',
              'workflows',
              'integrations',
              'contexts',
              'launcher',
              'workers',
              'sandbox',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['simulators/**/*.ts'],
    ignores: ['simulators/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../../*', '!../../simulators/**'],
              message: 'Simulators are written from the vendor contract and import nothing from the app.',
            },
          ],
        },
      ],
    },
  },
  {
    // Production code never reaches the simulators: the sandbox (sandbox/) wires them, and the
    // roots load it only for vendors without credentials. A rule of its own, so it adds to the
    // no-restricted-imports fences above instead of replacing them.
    files: ['**/*.ts'],
    ignores: ['sandbox/**', 'simulators/**', 'test/**', 'bench/**', 'scripts/**', '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/simulators/**', '**/simulators'],
              message: 'Only the sandbox (sandbox/), tests, benches and scripts import the simulators.',
            },
          ],
        },
      ],
    },
  },
);
