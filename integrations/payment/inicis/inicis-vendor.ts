import type { InicisConfig } from '../../../config/payment-vendors';
import type { PaymentGateway } from '../../../domain/payment';
import { INICIS_TEST_MERCHANT } from '../../../simulators/pg/inicis/inicis.simulator';
import { createInicisPaymentGateway } from './inicis.gateway';

/**
 * The KG Inicis gateway from configuration: real MID and keys reach Inicis (approval URLs only on
 * Inicis's own hosts), no keys → the PG simulator's Inicis with the published test MID, its
 * approval endpoints allow-listed on the simulator's address and its window served on the shop's.
 */
export async function openInicisGateway(
  config: InicisConfig | undefined,
  options: {
    publicBaseUrl: string;
    windowPath: string;
    sandboxPg: (given: string | undefined) => Promise<string>;
  },
): Promise<PaymentGateway> {
  if (config?.kind === 'inicis')
    return createInicisPaymentGateway({
      mid: config.mid,
      signKey: config.signKey,
      iniapiKey: config.iniapiKey,
      clientIp: config.clientIp,
      iniapiBaseUrl: config.iniapiBaseUrl,
      timeoutMs: config.timeoutMs,
    });
  const simulatorUrl = await options.sandboxPg(config?.simulatorUrl);
  const stdpay = (idc: string) => `${simulatorUrl}/inicis/stdpay/${idc}`;
  return createInicisPaymentGateway({
    ...INICIS_TEST_MERCHANT,
    clientIp: '127.0.0.1',
    iniapiBaseUrl: `${simulatorUrl}/inicis/iniapi`,
    stdpayHosts: { fc: stdpay('fc'), ks: stdpay('ks'), stg: stdpay('stg') },
    checkoutPageUrl: `${options.publicBaseUrl}${options.windowPath}/inicis/checkout`,
    timeoutMs: config?.timeoutMs,
  });
}
