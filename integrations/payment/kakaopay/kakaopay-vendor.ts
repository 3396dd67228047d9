import type { KakaoPayConfig } from '../../../config/payment-vendors';
import type { PaymentGateway } from '../../../domain/payment';
import {
  KAKAOPAY_SANDBOX_SECRET_KEY,
  KAKAOPAY_TEST_CID,
} from '../../../simulators/pg/kakaopay/kakaopay.simulator';
import { createKakaoPayGateway } from './kakaopay.gateway';

/**
 * The KakaoPay gateway from configuration: a secret key and CID reach KakaoPay (a DEV key with
 * TC0ONETIME is KakaoPay's test mode); none → the PG simulator's KakaoPay, whose window URLs
 * (next_redirect_*_url) are rewritten onto the shop's own address so a browser that reaches the
 * shop can pay.
 */
export async function openKakaoPayGateway(
  config: KakaoPayConfig | undefined,
  options: {
    publicBaseUrl: string;
    windowPath: string;
    sandboxPg: (given: string | undefined) => Promise<string>;
  },
): Promise<PaymentGateway> {
  if (config?.kind === 'kakaopay')
    return createKakaoPayGateway({
      apiBaseUrl: config.apiBaseUrl,
      secretKey: config.secretKey,
      cid: config.cid,
      timeoutMs: config.timeoutMs,
    });
  const simulatorUrl = await options.sandboxPg(config?.simulatorUrl);
  return createKakaoPayGateway({
    apiBaseUrl: `${simulatorUrl}/kakaopay`,
    secretKey: KAKAOPAY_SANDBOX_SECRET_KEY,
    cid: KAKAOPAY_TEST_CID,
    windowRewrite: {
      from: `${simulatorUrl}${options.windowPath}/kakaopay`,
      to: `${options.publicBaseUrl}${options.windowPath}/kakaopay`,
    },
    timeoutMs: config?.timeoutMs,
  });
}
