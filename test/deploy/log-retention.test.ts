import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadYamlDocuments, readText } from './deploy-support';

/** The example log-store policies keep application logs 90 days (docs/retention.md). */
describe('log retention policies in the deploy configuration', () => {
  test('the Elasticsearch ILM policy rolls logs over daily and deletes them at 90 days', () => {
    const { policy } = JSON.parse(readText('k8s/observability/ilm-logs-90d.json')) as {
      policy: { phases: Record<string, { min_age: string; actions: Record<string, unknown> }> };
    };
    assert.equal(policy.phases.delete?.min_age, '90d');
    assert.deepEqual(policy.phases.delete?.actions, { delete: {} });
    assert.ok(policy.phases.hot?.actions.rollover, 'rollover, so whole indices age out');
    const ages = Object.values(policy.phases).map((phase) => parseInt(phase.min_age, 10));
    assert.deepEqual(
      [...ages].sort((a, b) => a - b),
      ages,
      'phases in age order',
    );
  });

  test('the Loki snippet keeps logs 2160 h (90 days) with the compactor deleting', () => {
    const [config] = loadYamlDocuments('k8s/observability/loki-retention.yaml') as {
      limits_config: { retention_period: string };
      compactor: { retention_enabled: boolean };
    }[];
    assert.equal(config?.limits_config.retention_period, '2160h');
    assert.equal(config?.compactor.retention_enabled, true);
  });
});
