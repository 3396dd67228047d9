import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { load } from 'js-yaml';
import { readText, ROOT } from './deploy-support';

/**
 * The alert rules and the Grafana dashboard of k8s/observability, checked offline: promtool (Debian's
 * `prometheus` package; .ci/run installs it) validates and unit-tests the rules, and every query of
 * rules and dashboard names only metrics the app exports or that docs/deployment.md announces.
 */

const DIR = 'k8s/observability';

function promtool(...args: string[]) {
  const result = spawnSync('promtool', args, { cwd: join(ROOT, DIR), encoding: 'utf8' });
  assert.ok(
    !(result.error as NodeJS.ErrnoException | undefined)?.code,
    'promtool is missing: install Debian’s `prometheus` package (apt-get install -y prometheus; .ci/run does)',
  );
  return result;
}

/** Metric names registered in platform/observability/metrics.ts, and prom-client's process metrics. */
function exportedMetrics(): Set<string> {
  const source = readText('platform/observability/metrics.ts');
  const names = [...source.matchAll(/name: '([a-z_:]+)'/g)].map((match) => match[1]!);
  assert.ok(names.includes('http_request_duration_seconds'), 'metrics.ts was read');
  const series = names.flatMap((name) => [name, `${name}_bucket`, `${name}_count`, `${name}_sum`]);
  return new Set([...series, 'process_resident_memory_bytes', 'process_cpu_seconds_total']);
}

/** Metrics announced but not exported yet (docs/deployment.md#alerts-and-dashboard names each). */
const ANNOUNCED = ['outbox_relay_lag_seconds'];

const PROMQL_WORDS = new Set([
  'by',
  'without',
  'and',
  'or',
  'unless',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'offset',
  'le',
  'inf',
  'nan',
]);

/** The series names a PromQL expression reads (functions, labels, strings and durations removed). */
function metricNames(expr: string): string[] {
  const bare = expr
    .replaceAll(/"[^"]*"/g, '')
    .replaceAll(/\{[^}]*\}/g, ' ')
    .replaceAll(/\[[^\]]*\]/g, ' ')
    .replaceAll(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, ' ');
  return [...bare.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\()?/g)]
    .filter((match) => !match[2] && !PROMQL_WORDS.has(match[1]!.toLowerCase()))
    .map((match) => match[1]!);
}

interface RuleFile {
  groups: { name: string; rules: { alert?: string; record?: string; expr: string }[] }[];
}
const rules = load(readText(`${DIR}/prometheus-rules.yaml`)) as RuleFile;

describe('alert rules and dashboard (k8s/observability)', () => {
  test('promtool check rules: the rule file is valid', () => {
    const result = promtool('check', 'rules', 'prometheus-rules.yaml');
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /SUCCESS: \d+ rules found/);
  });

  test('promtool test rules: each alert fires on synthetic series that break it, and not before', () => {
    const result = promtool('test', 'rules', 'prometheus-rules.test.yaml');
    assert.equal(result.status, 0, result.stdout + result.stderr);
    const tested = readText(`${DIR}/prometheus-rules.test.yaml`);
    for (const alert of rules.groups.flatMap((group) => group.rules).filter((rule) => rule.alert))
      assert.match(tested, new RegExp(`alertname: ${alert.alert}\\b`), `${alert.alert} has no unit test`);
  });

  test('the required alerts exist: payment success, dead letters, outbox lag, 5xx ratio, p95 over 200 ms', () => {
    const all = rules.groups.flatMap((group) => group.rules);
    const alerts = all.filter((rule) => rule.alert).map((rule) => rule.alert);
    assert.deepEqual(alerts.sort(), [
      'JangteoDeadLetter',
      'JangteoHighErrorRate',
      'JangteoLatencyP95High',
      'JangteoOutboxLag',
      'JangteoPaymentSuccessRateLow',
    ]);
    const recorded = (name: string) => all.find((rule) => rule.record === name)!.expr;
    assert.match(recorded('jangteo:http_latency_p95_seconds:rate5m'), /histogram_quantile\(0\.95,/);
    assert.match(all.find((rule) => rule.alert === 'JangteoLatencyP95High')!.expr, />\s*0\.2\b/);
    assert.match(all.find((rule) => rule.alert === 'JangteoPaymentSuccessRateLow')!.expr, /<\s*0\.95\b/);
  });

  test('the dashboard parses, and every panel queries only exported or announced metrics', () => {
    const dashboard = JSON.parse(readText(`${DIR}/grafana-dashboard.json`)) as {
      uid: string;
      panels: { id: number; title: string; targets: { expr: string }[] }[];
    };
    assert.ok(dashboard.uid && dashboard.panels.length >= 8);
    assert.equal(new Set(dashboard.panels.map((panel) => panel.id)).size, dashboard.panels.length);
    const known = new Set([...exportedMetrics(), ...ANNOUNCED]);
    const docs = readText('docs/deployment.md');
    for (const name of ANNOUNCED)
      assert.ok(docs.includes(`\`${name}`), `${name} is not announced in the docs`);
    const recordings = new Set(rules.groups.flatMap((group) => group.rules).map((rule) => rule.record));
    const queries = [
      ...dashboard.panels.flatMap((panel) =>
        panel.targets.map((target) => ({ where: panel.title, expr: target.expr })),
      ),
      ...rules.groups.flatMap((group) =>
        group.rules.map((rule) => ({ where: rule.alert ?? rule.record!, expr: rule.expr })),
      ),
    ];
    for (const { where, expr } of queries) {
      const names = metricNames(expr);
      assert.ok(names.length > 0, `${where}: no metric in ${expr}`);
      for (const name of names)
        assert.ok(
          known.has(name) || recordings.has(name),
          `${where}: ${name} is neither exported nor announced`,
        );
    }
    assert.deepEqual(
      metricNames('sum by (le) (rate(http_request_duration_seconds_bucket{status=~"5.."}[5m])) > 0.2'),
      ['http_request_duration_seconds_bucket'],
    );
  });
});
