import type { NicepayConfig } from '../../../config/payment-vendors';
import type { PaymentGateway } from '../../../domain/payment';
import { NICEPAY_DOC_CLIENT } from '../../../simulators/pg/nicepay/nicepay.simulator';
import { createNicepayPaymentGateway } from './nicepay.gateway';

/** Where NicePay sends webhooks (registered in NicePay's merchant admin; configured on the simulator in sandbox). */
export const NICEPAY_WEBHOOK_PATH = '/api/v1/webhooks/payments/nicepay';

/**
 * The NicePay gateway from configuration: real keys reach NicePay (live or sandbox-api host by
 * NICEPAY_API_BASE_URL), no keys → the PG simulator's NicePay with the doc example client, its
 * payment window served on the shop's own address.
 */
export async function openNicepayGateway(
  config: NicepayConfig | undefined,
  options: {
    publicBaseUrl: string;
    windowPath: string;
    sandboxPg: (given: string | undefined) => Promise<string>;
  },
): Promise<PaymentGateway> {
  if (config?.kind === 'nicepay')
    return createNicepayPaymentGateway({
      apiBaseUrl: config.apiBaseUrl,
      clientKey: config.clientKey,
      secretKey: config.secretKey,
      authMode: config.authMode,
      timeoutMs: config.timeoutMs,
    });
  const simulatorUrl = await options.sandboxPg(config?.simulatorUrl);
  return createNicepayPaymentGateway({
    apiBaseUrl: `${simulatorUrl}/nicepay`,
    clientKey: NICEPAY_DOC_CLIENT.clientKey,
    secretKey: NICEPAY_DOC_CLIENT.secretKey,
    checkoutPageUrl: `${options.publicBaseUrl}${options.windowPath}/nicepay/checkout`,
    timeoutMs: config?.timeoutMs,
  });
}
