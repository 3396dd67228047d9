import type { PaymentVendorConfig } from '../../config/payment-vendors';
import { DomainError } from '../../domain/shared/domain-error';
import type { PaymentGateway, PgProvider } from '../../domain/payment';
import { createPgSimulator } from '../../simulators/pg/pg.simulator';
import { TOSS_DOC_SECRET_KEYS } from '../../simulators/pg/toss/toss.simulator';
import { createTossPaymentGateway } from './toss/toss.gateway';
import { NICEPAY_WEBHOOK_PATH, openNicepayGateway } from './nicepay/nicepay-vendor';
import { openInicisGateway } from './inicis/inicis-vendor';
import { openKakaoPayGateway } from './kakaopay/kakaopay-vendor';
import { openNaverPayGateway } from './naverpay/naverpay-vendor';

/** Where Toss sends webhooks (registered in Toss's console for real keys; configured on the simulator in sandbox). */
export const TOSS_WEBHOOK_PATH = '/api/v1/webhooks/payments/toss';
/** The simulator's buyer-facing windows, also served by the API under the same path (api/payment/sandbox-window.proxy.ts). */
export const SANDBOX_WINDOW_PATH = '/sandbox';

export interface PaymentGateways {
  /** The adapter of a configured PG; a DomainError PAYMENT_PROVIDER_UNAVAILABLE for any other. */
  gateway(provider: PgProvider): PaymentGateway;
  providers: PgProvider[];
  /** Base URL of the sandbox PG simulator (absent with real PGs): the API proxies its windows, tests arm its faults. */
  sandbox: { pg?: string };
  close(): Promise<void>;
}

/**
 * Adapters for the configured PGs. A PG without credentials is served by the PG simulator (DESIGN
 * §6 sandbox): the one at PG_SIMULATOR_URL, or one started here in-process, which calls the shop's
 * webhook back. Its payment window is reached through the shop's own address (`<public>/sandbox/…`),
 * so a browser that can reach the shop can pay.
 */
export async function openPaymentGateways(
  config: PaymentVendorConfig,
  options: { publicBaseUrl: string },
): Promise<PaymentGateways> {
  const closers: Array<() => Promise<void>> = [];
  const sandbox: PaymentGateways['sandbox'] = {};
  /** The one PG simulator every PG without credentials shares: PG_SIMULATOR_URL, or one started here. */
  const sandboxPg = async (given: string | undefined): Promise<string> => {
    if (sandbox.pg) return sandbox.pg;
    let simulatorUrl = given?.replace(/\/+$/, '');
    if (!simulatorUrl) {
      const running = await createPgSimulator({
        toss: { webhookUrl: `${options.publicBaseUrl}${TOSS_WEBHOOK_PATH}` },
        nicepay: { webhookUrl: `${options.publicBaseUrl}${NICEPAY_WEBHOOK_PATH}` },
      }).start();
      closers.push(running.close);
      simulatorUrl = running.url;
    }
    sandbox.pg = simulatorUrl;
    return simulatorUrl;
  };
  let toss: PaymentGateway;
  if (config.toss.kind === 'toss') {
    toss = createTossPaymentGateway({
      apiBaseUrl: config.toss.apiBaseUrl,
      secretKey: config.toss.secretKey,
      clientKey: config.toss.clientKey,
      timeoutMs: config.toss.timeoutMs,
    });
  } else {
    const simulatorUrl = await sandboxPg(config.toss.simulatorUrl);
    toss = createTossPaymentGateway({
      apiBaseUrl: `${simulatorUrl}/toss`,
      secretKey: TOSS_DOC_SECRET_KEYS[0]!,
      checkoutPageUrl: `${options.publicBaseUrl}${SANDBOX_WINDOW_PATH}/toss/checkout`,
      timeoutMs: config.toss.timeoutMs,
    });
  }
  const gateways = new Map<PgProvider, PaymentGateway>([['TOSS', toss]]);
  gateways.set(
    'NICEPAY',
    await openNicepayGateway(config.nicepay, { ...options, windowPath: SANDBOX_WINDOW_PATH, sandboxPg }),
  );
  const sandboxWindows = { ...options, windowPath: SANDBOX_WINDOW_PATH, sandboxPg };
  gateways.set('KAKAOPAY', await openKakaoPayGateway(config.kakaopay, sandboxWindows));
  gateways.set('NAVERPAY', await openNaverPayGateway(config.naverpay, sandboxWindows));
  gateways.set('INICIS', await openInicisGateway(config.inicis, sandboxWindows));
  return {
    gateway(provider) {
      const gateway = gateways.get(provider);
      if (!gateway)
        throw new DomainError(
          'PAYMENT_PROVIDER_UNAVAILABLE',
          `payments through ${provider} are not available yet`,
          { provider },
        );
      return gateway;
    },
    providers: [...gateways.keys()],
    sandbox,
    async close() {
      for (const close of closers.reverse()) await close();
    },
  };
}
