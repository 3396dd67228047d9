import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadEmbeddedConfig } from '../../config/embedded.config';
import { ConfigError } from '../../config/env';
import { loadWorkerConfig } from '../../config/worker.config';

const worker = { TEMPORAL_ADDRESS: '127.0.0.1:7233' };

describe('RABBITMQ_URL (docs/events.md)', () => {
  test('is optional: unset or empty, events are relayed in process', () => {
    assert.equal(loadWorkerConfig(worker).rabbitmqUrl, undefined);
    assert.equal(loadWorkerConfig({ ...worker, RABBITMQ_URL: '' }).rabbitmqUrl, undefined);
    assert.equal(loadEmbeddedConfig({}).rabbitmqUrl, undefined);
  });

  test('an amqp(s) URL is taken by the worker and the embedded shop', () => {
    const url = 'amqp://jangteo:secret@rabbitmq:5672';
    assert.equal(loadWorkerConfig({ ...worker, RABBITMQ_URL: url }).rabbitmqUrl, url);
    assert.equal(loadEmbeddedConfig({ RABBITMQ_URL: 'amqps://host:5671' }).rabbitmqUrl, 'amqps://host:5671');
  });

  test('anything else is refused at start-up, naming the variable', () => {
    assert.throws(
      () => loadWorkerConfig({ ...worker, RABBITMQ_URL: 'http://rabbitmq:15672' }),
      (error: unknown) =>
        error instanceof ConfigError && error.issues.some((issue) => issue.variable === 'RABBITMQ_URL'),
    );
  });
});
