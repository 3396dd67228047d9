// One lint setup: TypeScript rules everywhere, plus the two architectural fences of DESIGN.md:
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
    ignores: ['workflows/**/*.test.ts'],
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
);
