import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadCourierVendorConfig } from '../config/courier-vendors';
import { loadSettlementVendorConfig } from '../config/settlement-vendors';
import { openNotificationVendors } from './notification/notification-vendors';
import { openPaymentGateways } from './payment/payment-vendors';
import { openSettlementVendors } from './settlement/settlement-vendors';
import { openCourierTracking } from './shipping/courier-vendors';
import { VendorNotConfiguredError } from './vendor-sandbox';

const refusal = (vendor: RegExp, variable: string) => (error: unknown) =>
  error instanceof VendorNotConfiguredError &&
  vendor.test(error.vendor) &&
  error.variables.includes(variable) &&
  error.message.includes(variable);

describe('a vendor without credentials and without a sandbox', () => {
  test('each opener refuses it, naming the vendor and the variables to set', async () => {
    await assert.rejects(
      openPaymentGateways({ toss: { kind: 'sandbox', timeoutMs: 1000 } }, { publicBaseUrl: 'http://shop' }),
      refusal(/TOSS/, 'TOSS_SECRET_KEY'),
    );
    await assert.rejects(
      openNotificationVendors(
        { nhn: { kind: 'sandbox' }, email: { kind: 'sandbox' }, mailFrom: { email: 'a@b.c' } },
        { webhookBaseUrl: 'http://shop' },
      ),
      refusal(/NHN/, 'NHN_SECRET_KEY'),
    );
    await assert.rejects(
      openCourierTracking(loadCourierVendorConfig({}), { publicBaseUrl: 'http://shop' }),
      refusal(/SweetTracker/, 'SWEETTRACKER_API_KEY'),
    );
    await assert.rejects(
      openSettlementVendors(loadSettlementVendorConfig({})),
      refusal(/firm banking/, 'FIRM_BANKING_CLIENT_ID'),
    );
  });
});
