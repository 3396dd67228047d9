import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BANKING_SIM_DEFAULTS } from '../simulators/banking/banking.simulator';
import { SANDBOX_SWEETTRACKER_KEY } from '../simulators/courier/courier.simulator';
import { createNhnBizmessageSimulator } from '../simulators/nhn-bizmessage/nhn-bizmessage.simulator';
import { INICIS_TEST_MERCHANT } from '../simulators/pg/inicis/inicis.simulator';
import { KAKAOPAY_SANDBOX_SECRET_KEY } from '../simulators/pg/kakaopay/kakaopay.simulator';
import { NAVERPAY_SANDBOX_MERCHANT } from '../simulators/pg/naverpay/naverpay.simulator';
import { NICEPAY_DOC_CLIENT } from '../simulators/pg/nicepay/nicepay.simulator';
import { TOSS_DOC_SECRET_KEYS } from '../simulators/pg/toss/toss.simulator';
import { POPBILL_SIM_DEFAULTS } from '../simulators/popbill/popbill.simulator';
import { PUBLIC_SANDBOX_SECRETS } from './sandbox-secrets';

test('production refuses every secret the simulators publish', () => {
  const published: Record<string, string[]> = {
    TOSS_SECRET_KEY: TOSS_DOC_SECRET_KEYS,
    NICEPAY_SECRET_KEY: [NICEPAY_DOC_CLIENT.secretKey],
    INICIS_SIGN_KEY: [INICIS_TEST_MERCHANT.signKey],
    INICIS_API_KEY: [INICIS_TEST_MERCHANT.iniapiKey],
    KAKAOPAY_SECRET_KEY: [KAKAOPAY_SANDBOX_SECRET_KEY],
    NAVERPAY_CLIENT_SECRET: [NAVERPAY_SANDBOX_MERCHANT.clientSecret],
    NHN_SECRET_KEY: [createNhnBizmessageSimulator().config.secretKey],
    SWEETTRACKER_API_KEY: [SANDBOX_SWEETTRACKER_KEY],
    FIRM_BANKING_CLIENT_SECRET: [BANKING_SIM_DEFAULTS.clientSecret],
    POPBILL_SECRET_KEY: [POPBILL_SIM_DEFAULTS.secretKey],
  };
  for (const [variable, values] of Object.entries(published))
    for (const value of values)
      assert.ok(PUBLIC_SANDBOX_SECRETS[variable]?.includes(value), `${variable} ${value} is not refused`);
});
