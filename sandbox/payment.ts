import type { PaymentSandbox } from '../integrations/payment/open-pg-gateway';
import { createInicisPaymentGateway } from '../integrations/payment/inicis/inicis.gateway';
import { createKakaoPayGateway } from '../integrations/payment/kakaopay/kakaopay.gateway';
import { createNaverPayGateway } from '../integrations/payment/naverpay/naverpay.gateway';
import { createNicepayPaymentGateway } from '../integrations/payment/nicepay/nicepay.gateway';
import { createTossPaymentGateway } from '../integrations/payment/toss/toss.gateway';
import { INICIS_TEST_MERCHANT } from '../simulators/pg/inicis/inicis.simulator';
import { KAKAOPAY_SANDBOX_SECRET_KEY, KAKAOPAY_TEST_CID } from '../simulators/pg/kakaopay/kakaopay.simulator';
import { NAVERPAY_SANDBOX_MERCHANT } from '../simulators/pg/naverpay/naverpay.simulator';
import { NICEPAY_DOC_CLIENT } from '../simulators/pg/nicepay/nicepay.simulator';
import { createPgSimulator } from '../simulators/pg/pg.simulator';
import { TOSS_DOC_SECRET_KEYS } from '../simulators/pg/toss/toss.simulator';
import type { SandboxOptions } from './sandbox-options';

/**
 * The PG simulator and each PG's gateway onto it with the simulator's test credentials
 * (docs/payments.md#gateways-and-the-sandbox). The windows are served on the shop's own address.
 */
export const createPaymentSandbox = (options: SandboxOptions = {}): PaymentSandbox => ({
  start: (webhookUrls) =>
    createPgSimulator({
      toss: { webhookUrl: webhookUrls.toss },
      nicepay: { webhookUrl: webhookUrls.nicepay },
    }).start({ port: options.ports?.pg }),
  gateways: {
    TOSS: ({ simulatorUrl, windowUrl, timeoutMs }) =>
      createTossPaymentGateway({
        apiBaseUrl: `${simulatorUrl}/toss`,
        secretKey: TOSS_DOC_SECRET_KEYS[0]!,
        checkoutPageUrl: windowUrl('/toss/checkout'),
        timeoutMs,
      }),
    // The doc example client; the payment window on the shop's address.
    NICEPAY: ({ simulatorUrl, windowUrl, timeoutMs }) =>
      createNicepayPaymentGateway({
        apiBaseUrl: `${simulatorUrl}/nicepay`,
        clientKey: NICEPAY_DOC_CLIENT.clientKey,
        secretKey: NICEPAY_DOC_CLIENT.secretKey,
        checkoutPageUrl: windowUrl('/nicepay/checkout'),
        timeoutMs,
      }),
    // The published test MID, its approval endpoints allow-listed on the simulator's address.
    INICIS: ({ simulatorUrl, windowUrl, timeoutMs }) => {
      const stdpay = (idc: string) => `${simulatorUrl}/inicis/stdpay/${idc}`;
      return createInicisPaymentGateway({
        ...INICIS_TEST_MERCHANT,
        clientIp: '127.0.0.1',
        iniapiBaseUrl: `${simulatorUrl}/inicis/iniapi`,
        stdpayHosts: { fc: stdpay('fc'), ks: stdpay('ks'), stg: stdpay('stg') },
        checkoutPageUrl: windowUrl('/inicis/checkout'),
        timeoutMs,
      });
    },
    // The window URLs KakaoPay answers with (next_redirect_*_url) are rewritten onto the shop's address.
    KAKAOPAY: ({ simulatorUrl, windowUrl, windowPath, timeoutMs }) =>
      createKakaoPayGateway({
        apiBaseUrl: `${simulatorUrl}/kakaopay`,
        secretKey: KAKAOPAY_SANDBOX_SECRET_KEY,
        cid: KAKAOPAY_TEST_CID,
        windowRewrite: { from: `${simulatorUrl}${windowPath}/kakaopay`, to: windowUrl('/kakaopay') },
        timeoutMs,
      }),
    // The payment page (`…/payments/{reserveId}`) on the shop's address.
    NAVERPAY: ({ simulatorUrl, windowUrl, timeoutMs }) =>
      createNaverPayGateway({
        apiBaseUrl: `${simulatorUrl}/naverpay`,
        ...NAVERPAY_SANDBOX_MERCHANT,
        paymentPageUrl: windowUrl('/naverpay/payments'),
        timeoutMs,
      }),
  },
});

/** Free port, nothing kept (tests). */
export const paymentSandbox = createPaymentSandbox();
