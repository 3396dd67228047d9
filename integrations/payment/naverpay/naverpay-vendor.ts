import type { NaverPayConfig } from '../../../config/payment-vendors';
import type { PaymentGateway } from '../../../domain/payment';
import { NAVERPAY_SANDBOX_MERCHANT } from '../../../simulators/pg/naverpay/naverpay.simulator';
import { createNaverPayGateway } from './naverpay.gateway';

/**
 * The NaverPay gateway from configuration: the four merchant credentials reach NaverPay (dev or
 * live hosts by NAVERPAY_MODE); none → the PG simulator's NaverPay with its sandbox merchant, the
 * payment page (`…/payments/{reserveId}`) served on the shop's own address.
 */
export async function openNaverPayGateway(
  config: NaverPayConfig | undefined,
  options: {
    publicBaseUrl: string;
    windowPath: string;
    sandboxPg: (given: string | undefined) => Promise<string>;
  },
): Promise<PaymentGateway> {
  if (config?.kind === 'naverpay')
    return createNaverPayGateway({
      apiBaseUrl: config.apiBaseUrl,
      partnerId: config.partnerId,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      chainId: config.chainId,
      paymentPageUrl: config.paymentPageUrl,
      timeoutMs: config.timeoutMs,
    });
  const simulatorUrl = await options.sandboxPg(config?.simulatorUrl);
  return createNaverPayGateway({
    apiBaseUrl: `${simulatorUrl}/naverpay`,
    ...NAVERPAY_SANDBOX_MERCHANT,
    paymentPageUrl: `${options.publicBaseUrl}${options.windowPath}/naverpay/payments`,
    timeoutMs: config?.timeoutMs,
  });
}
