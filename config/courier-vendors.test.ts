import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadCourierVendorConfig, SANDBOX_COURIER_WEBHOOK_SECRET } from './courier-vendors';
import { ConfigError } from './env';

describe('courier vendor configuration', () => {
  test('without a SweetTracker key the simulator is the sandbox, stepping every 10 s unless told otherwise', () => {
    assert.deepEqual(loadCourierVendorConfig({}), {
      tracker: { kind: 'sandbox', simulatorUrl: undefined, stepIntervalMs: 10_000 },
      webhookSecret: SANDBOX_COURIER_WEBHOOK_SECRET,
    });
    const shared = loadCourierVendorConfig({
      COURIER_SIMULATOR_URL: 'http://courier-simulator:4020',
      COURIER_SANDBOX_STEP_SECONDS: '2.5',
    });
    assert.deepEqual(shared.tracker, {
      kind: 'sandbox',
      simulatorUrl: 'http://courier-simulator:4020',
      stepIntervalMs: 2_500,
    });
  });

  test('a key selects SweetTracker; push needs the webhook secret', () => {
    const lookUpsOnly = loadCourierVendorConfig({ SWEETTRACKER_API_KEY: 'abc' });
    assert.deepEqual(lookUpsOnly, {
      tracker: {
        kind: 'sweettracker',
        apiKey: 'abc',
        apiBaseUrl: 'https://info.sweettracker.co.kr',
        push: undefined,
      },
      webhookSecret: undefined,
    });
    assert.throws(
      () =>
        loadCourierVendorConfig({
          SWEETTRACKER_API_KEY: 'abc',
          SWEETTRACKER_PUSH_BASE_URL: 'http://trace-api.sweettracker.net',
        }),
      (error: unknown) =>
        error instanceof ConfigError && error.issues.some((i) => i.variable === 'COURIER_WEBHOOK_SECRET'),
    );
    const withPush = loadCourierVendorConfig({
      SWEETTRACKER_API_KEY: 'abc',
      SWEETTRACKER_PUSH_BASE_URL: 'http://trace-api.sweettracker.net',
      SWEETTRACKER_PUSH_TIER: 'paid',
      COURIER_WEBHOOK_SECRET: 'a-long-enough-secret',
    });
    assert.deepEqual(withPush.tracker, {
      kind: 'sweettracker',
      apiKey: 'abc',
      apiBaseUrl: 'https://info.sweettracker.co.kr',
      push: { baseUrl: 'http://trace-api.sweettracker.net', tier: 'paid' },
    });
  });

  test('wrong values are named', () => {
    assert.throws(
      () => loadCourierVendorConfig({ COURIER_SANDBOX_STEP_SECONDS: '0', COURIER_SIMULATOR_URL: 'nope' }),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.issues
          .map((i) => i.variable)
          .sort()
          .join() === 'COURIER_SANDBOX_STEP_SECONDS,COURIER_SIMULATOR_URL',
    );
  });
});
