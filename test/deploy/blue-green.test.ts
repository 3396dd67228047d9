import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { loadAll, YAML11_SCHEMA } from 'js-yaml';
import { at, type Json, readText, ROOT } from './deploy-support';

/**
 * Blue-green of the api (docs/deployment.md#blue-green-api), checked on what `kubectl kustomize k8s`
 * renders: two colours of one pod template, a live Service and a preview Service each selecting
 * exactly one colour, and a switch that is one field; plus the SIGTERM drain fitting in the pods' grace.
 */

interface Rendered extends Json {
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec: Json;
}

const rendered = (() => {
  const result = spawnSync('kubectl', ['kustomize', join(ROOT, 'k8s')], { encoding: 'utf8' });
  assert.ok(!result.error, `kubectl (with its built-in kustomize) is needed: ${result.error?.message}`);
  assert.equal(result.status, 0, result.stderr);
  return loadAll(result.stdout, null, { schema: YAML11_SCHEMA }).filter(Boolean) as Rendered[];
})();

const find = (objects: Rendered[], kind: string, name: string) => {
  const found = objects.find((doc) => doc.kind === kind && doc.metadata.name === name);
  assert.ok(found, `${kind} ${name} not rendered`);
  return found;
};
const podLabels = (deployment: Rendered) =>
  at(deployment, 'spec', 'template', 'metadata', 'labels') as Record<string, string>;
const selects = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(selector).every(([key, value]) => labels[key] === value);
const deployments = (objects: Rendered[]) => objects.filter((doc) => doc.kind === 'Deployment');

/** The Deployments a Service sends traffic to. */
function selectedBy(objects: Rendered[], service: string): string[] {
  const selector = at(find(objects, 'Service', service), 'spec', 'selector') as Record<string, string>;
  return deployments(objects)
    .filter((deployment) => selects(selector, podLabels(deployment)))
    .map((deployment) => deployment.metadata.name);
}

/** A JSON merge patch (RFC 7386), as `kubectl patch --type merge` applies it. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const base = (typeof target === 'object' && target !== null ? { ...target } : {}) as Json;
  for (const [key, value] of Object.entries(patch as Json)) {
    if (value === null) delete base[key];
    else base[key] = mergePatch(base[key], value);
  }
  return base;
}

/** The `kubectl -n jangteo patch service <name> --type merge -p '<json>'` commands the runbook gives. */
function documentedPatches(): { service: string; patch: Json }[] {
  const docs = readText('docs/deployment.md');
  return [...docs.matchAll(/kubectl -n jangteo patch service (\S+) --type merge -p '([^']+)'/g)].map(
    (match) => ({ service: match[1]!, patch: JSON.parse(match[2]!) as Json }),
  );
}

const leafPaths = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([key, inner]) => leafPaths(inner, `${prefix}.${key}`))
    : [prefix];

describe('blue-green api in k8s/', () => {
  test('both colours render from one pod template: only the name, the track label and the image may differ', () => {
    const [blue, green] = ['blue', 'green'].map((c) => find(rendered, 'Deployment', `jangteo-api-${c}`));
    assert.equal(podLabels(blue!).track, 'blue');
    assert.equal(podLabels(green!).track, 'green');
    assert.equal((at(blue, 'spec', 'selector', 'matchLabels') as Json).track, 'blue');
    assert.equal((at(green, 'spec', 'selector', 'matchLabels') as Json).track, 'green');
    const neutral = (deployment: Rendered) =>
      JSON.stringify(deployment)
        .replaceAll(/jangteo-api-(blue|green)/g, 'jangteo-api-X')
        .replaceAll(/"track":"(blue|green)"/g, '"track":"X"')
        .replaceAll(/"image":"[^"]+"/g, '"image":"X"');
    assert.equal(neutral(blue!), neutral(green!));
    for (const colour of [blue!, green!])
      assert.equal(colour.spec.replicas, undefined, 'the HPA and the operator own replicas');
  });

  test('the live Service and the preview Service each select exactly one colour, never the same', () => {
    const live = selectedBy(rendered, 'jangteo-api');
    const preview = selectedBy(rendered, 'jangteo-api-preview');
    assert.equal(live.length, 1, `jangteo-api selects ${live.join(', ')}`);
    assert.equal(preview.length, 1, `jangteo-api-preview selects ${preview.join(', ')}`);
    assert.notEqual(live[0], preview[0]);
    const hpa = find(rendered, 'HorizontalPodAutoscaler', 'jangteo-api');
    assert.equal(at(hpa, 'spec', 'scaleTargetRef', 'name'), live[0], 'the HPA sizes the live colour');
  });

  test('the runbook’s switch is a one-field patch per Service; its rollback is the same field set back', () => {
    // docs/deployment.md gives the switch (two commands), then the rollback (two commands).
    const patches = documentedPatches();
    assert.equal(patches.length, 4, 'switch and rollback, each patching jangteo-api and jangteo-api-preview');
    const apply = (objects: Rendered[], some: typeof patches) =>
      objects.map((doc) => {
        const patch = some.find(({ service }) => doc.kind === 'Service' && doc.metadata.name === service);
        return patch ? (mergePatch(doc, patch.patch) as Rendered) : doc;
      });
    for (const { patch } of patches) assert.deepEqual(leafPaths(patch), ['.spec.selector.track']);
    const [forward, back] = [patches.slice(0, 2), patches.slice(2)];
    for (const step of [forward, back])
      assert.deepEqual(step.map(({ service }) => service).sort(), ['jangteo-api', 'jangteo-api-preview']);
    const switched = apply(rendered, forward);
    assert.deepEqual(selectedBy(switched, 'jangteo-api'), ['jangteo-api-green']);
    assert.deepEqual(selectedBy(switched, 'jangteo-api-preview'), ['jangteo-api-blue']);
    const restored = apply(switched, back);
    assert.deepEqual(selectedBy(restored, 'jangteo-api'), ['jangteo-api-blue']);
    assert.deepEqual(selectedBy(restored, 'jangteo-api-preview'), ['jangteo-api-green']);
  });

  test('SIGTERM drain fits in each pod’s terminationGracePeriodSeconds', () => {
    const config = at(find(rendered, 'ConfigMap', 'jangteo-config'), 'data') as Record<string, string>;
    const grace = Number(config.SHUTDOWN_GRACE_SECONDS);
    assert.ok(grace >= 10, 'SHUTDOWN_GRACE_SECONDS leaves a PG call (TOSS_TIMEOUT_MS 30 s) time to end');
    for (const deployment of deployments(rendered)) {
      const pod = at(deployment, 'spec', 'template', 'spec') as Json;
      const container = (pod.containers as Json[])[0]!;
      const preStop = (container.lifecycle as Json | undefined)?.preStop as Json | undefined;
      const sleep = Number(((preStop?.exec as Json | undefined)?.command as string[] | undefined)?.[1] ?? 0);
      // The worker gives up 5 s after the grace (workers/start-workers.ts shutdownForceTime).
      const needed = sleep + grace + (deployment.metadata.name === 'jangteo-worker' ? 5 : 0);
      assert.ok(
        Number(pod.terminationGracePeriodSeconds) > needed,
        `${deployment.metadata.name}: terminationGracePeriodSeconds ${String(pod.terminationGracePeriodSeconds)} <= ${needed}`,
      );
    }
  });
});
