// One lint setup: TypeScript rules everywhere, plus the two architectural fences of docs/architecture.md:
// workflow code stays deterministic (no Node built-ins, activities imported as types only) and
// domain code stays pure (no I/O or framework imports).
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

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'var/**', '.tools/**'] },
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
          patterns: [{ group: ioPackages, message: 'Domain code is pure: no I/O or framework imports.' }],
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
