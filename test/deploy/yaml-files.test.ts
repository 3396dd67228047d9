import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { load, loadAll, YAML11_SCHEMA } from 'js-yaml';
import { deploymentYamlFiles, loadYamlDocuments, readText } from './deploy-support';

describe('deployment YAML files', () => {
  const files = deploymentYamlFiles();

  test('include the compose file, the k8s manifests and the kustomization', () => {
    assert.ok(files.includes('docker-compose.yml'));
    assert.ok(files.includes('k8s/kustomization.yaml'));
    assert.ok(files.filter((file) => file.startsWith('k8s/')).length >= 8, `k8s files: ${files.join(', ')}`);
  });

  for (const file of files) {
    test(`${file} parses (every document, no duplicate keys) and is not empty`, () => {
      const documents = loadYamlDocuments(file);
      assert.ok(documents.length > 0, `${file} holds no document`);
      for (const document of documents)
        assert.equal(typeof document, 'object', `${file}: a document is a scalar`);
    });
  }

  // kubectl reads YAML 1.1 (yes/no/on/off are booleans, 0755 is octal); a value that reads differently
  // under YAML 1.2 is a quoting mistake waiting to happen. Compose files differ by their merge keys only.
  for (const file of files.filter((path) => path.startsWith('k8s/'))) {
    test(`${file} means the same under YAML 1.1 and YAML 1.2`, () => {
      const text = readText(file);
      assert.deepEqual(loadAll(text, null, { schema: YAML11_SCHEMA }), loadAll(text));
    });
  }

  test('the parser used here rejects a duplicate key and reads an unquoted `no` as a boolean', () => {
    assert.throws(() => load('a: 1\na: 2\n', { schema: YAML11_SCHEMA }));
    assert.deepEqual(load('restart: no\n', { schema: YAML11_SCHEMA }), { restart: false });
  });
});
