import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../support/test-app';

describe('the OpenAPI document', () => {
  let app: TestApp;
  before(async () => {
    app = await createTestApp();
  });
  after(async () => {
    await app?.close();
  });

  test('is generated from every context’s routes and is valid enough to serve', async () => {
    const response = await app.request('/api/v1/openapi.json');
    assert.equal(response.status, 200);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    assert.equal(document.openapi, '3.1.0');
    const expected = [
      ['/api/v1/auth/signup', 'post'],
      ['/api/v1/me', 'get'],
      ['/api/v1/products', 'get'],
      ['/api/v1/categories', 'get'],
      ['/api/v1/seller/products', 'post'],
      ['/api/v1/variants/{variantId}/waitlist', 'post'],
      ['/api/v1/chats', 'get'],
      ['/api/v1/chats/{id}/messages', 'post'],
      ['/api/v1/webhooks/notifications/{provider}', 'post'],
      ['/api/v1/admin/notifications', 'get'],
      ['/readyz', 'get'],
    ];
    const missing = expected.filter(([path, method]) => !document.paths[path!]?.[method!]);
    assert.deepEqual(missing, []);
  });
});
