import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as workflows from '../workflows';

/**
 * `npm run histories:record [-- --dry-run]`: refreshes the replay test's material
 * (test/workflows/histories/, see its README). Runs the workflow tests with RECORD_HISTORIES set to
 * a temporary directory, then copies a compact, representative choice next to the histories kept
 * from earlier code:
 *   - one history per distinct shape (the sequence of commands and events, workflow-task noise
 *     left out) of each workflow type; a shape already kept is not added again;
 *   - of equal shapes the smallest file; at most MAX_PER_TYPE new ones per type;
 *   - files over MAX_FILE_BYTES only when their type has no other history;
 *   - only workflow types that workflows/index.ts exports (not the tests' harness).
 * Old histories are never removed here: they stay while such workflows may still be running.
 * Record before a change whose old histories must keep replaying, and again after it (so both the
 * old and the patched path are replayed). Needs what `npm test` needs (MariaDB, Redis).
 */
const ROOT = resolve(__dirname, '..');
const KEPT = join(ROOT, 'test/workflows/histories');
const SUITES = ['test/workflows/', 'notification-delivery', 'notification-order'];
/** `-- <filter>…` narrows the recording to those test files (new shapes of one change). */
const chosenSuites = (argv: string[]) => {
  const filters = argv.filter((arg) => !arg.startsWith('--'));
  return filters.length > 0 ? filters : SUITES;
};
const MAX_PER_TYPE = Number(process.env.HISTORIES_MAX_PER_TYPE ?? 6);
const MAX_FILE_BYTES = 150_000;

interface Recorded {
  file: string;
  dir: string;
  type: string;
  bytes: number;
  shape: string;
}

interface HistoryEvent {
  eventType?: string;
  [attributes: string]: unknown;
}

/** The sequence of what the workflow did, without the workflow tasks (their count depends on timing). */
function shapeOf(json: string): string {
  const { events = [] } = JSON.parse(json) as { events?: HistoryEvent[] };
  return events
    .map((event) => {
      const type = String(event.eventType ?? '').replace(/^EVENT_TYPE_/, '');
      const attributes = Object.entries(event).find(([key]) => key.endsWith('Attributes'))?.[1] as
        | {
            activityType?: { name?: string };
            workflowType?: { name?: string };
            markerName?: string;
            signalName?: string;
          }
        | undefined;
      const name =
        attributes?.activityType?.name ??
        attributes?.workflowType?.name ??
        attributes?.markerName ??
        attributes?.signalName;
      return name ? `${type}:${name}` : type;
    })
    .filter((step) => !step.startsWith('WORKFLOW_TASK_'))
    .join(',');
}

function read(dir: string): Recorded[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => {
      const json = readFileSync(join(dir, file), 'utf8');
      return {
        file,
        dir,
        type: file.split('--')[1] ?? 'unknown',
        bytes: statSync(join(dir, file)).size,
        shape: shapeOf(json),
      };
    });
}

/** The new histories worth keeping, by the rules above. */
export function choose(recorded: Recorded[], kept: Recorded[]): Recorded[] {
  const shapes = new Set(kept.map((history) => `${history.type}|${history.shape}`));
  const keptTypes = new Set(kept.map((history) => history.type));
  const chosen: Recorded[] = [];
  const perType = new Map<string, number>();
  for (const history of [...recorded].sort((a, b) => a.bytes - b.bytes)) {
    const key = `${history.type}|${history.shape}`;
    const count = perType.get(history.type) ?? 0;
    if (shapes.has(key) || count >= MAX_PER_TYPE) continue;
    if (history.bytes > MAX_FILE_BYTES && (keptTypes.has(history.type) || count > 0)) continue;
    shapes.add(key);
    perType.set(history.type, count + 1);
    chosen.push(history);
  }
  return chosen;
}

function main(): void {
  const dryRun = process.argv.includes('--dry-run');
  const dir = mkdtempSync(join(tmpdir(), 'jangteo-histories-'));
  try {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/test.ts', ...chosenSuites(process.argv.slice(2))],
      {
        cwd: ROOT,
        stdio: 'inherit',
        env: { ...process.env, RECORD_HISTORIES: dir },
      },
    );
    if (run.status !== 0) {
      console.error('the workflow tests failed: nothing recorded (histories must come from passing runs)');
      process.exit(run.status ?? 1);
    }
    // Test-only workflows (the harness) are not in the bundle production workers run: not kept.
    const production = new Set(Object.keys(workflows));
    const recorded = read(dir).filter((history) => production.has(history.type));
    const chosen = choose(recorded, read(KEPT));
    let bytes = 0;
    for (const history of chosen) {
      bytes += history.bytes;
      console.log(`${dryRun ? 'would add' : 'added'} ${history.file} (${history.bytes} bytes)`);
      if (!dryRun) copyFileSync(join(dir, history.file), join(KEPT, history.file));
    }
    console.log(
      `${recorded.length} histories recorded, ${chosen.length} new shapes ${dryRun ? 'found' : 'kept'} (${Math.round(bytes / 1024)} KiB); run \`npx tsx scripts/test.ts --unit replay\` next`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) main();
