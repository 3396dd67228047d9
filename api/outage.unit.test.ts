import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ServiceError } from '@temporalio/client';
import { DependencyUnavailableError } from '../platform/dependency-unavailable';
import { isOutage } from './outage';

test('outages are told from bugs: Redis, database sockets and Temporal UNAVAILABLE, also when wrapped', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' });
  const grpc = Object.assign(new Error('14 UNAVAILABLE'), {
    code: 14,
    details: 'No connection',
    metadata: {},
  });
  for (const error of [
    new DependencyUnavailableError('redis'),
    refused,
    Object.assign(new Error('query failed'), { driverError: refused }),
    new ServiceError('Failed to start workflow', { cause: grpc }),
  ])
    assert.equal(isOutage(error), true, String(error));
  for (const error of [
    new TypeError('x is undefined'),
    Object.assign(new Error('Duplicate entry'), { code: 'ER_DUP_ENTRY' }),
    Object.assign(new Error('3 INVALID_ARGUMENT'), { code: 3, details: 'bad', metadata: {} }),
    undefined,
  ])
    assert.equal(isOutage(error), false, String(error));
});
