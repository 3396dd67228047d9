import type { DisabledPg, PaymentVendorConfig } from '../../config/payment-vendors';
import { DomainError } from '../../domain/shared/domain-error';
import type { PaymentGateway, PgProvider } from '../../domain/payment';
import { requireSandbox, simulatorUrl } from '../vendor-sandbox';
import { createTossPaymentGateway } from './toss/toss.gateway';
import { createNicepayPaymentGateway } from './nicepay/nicepay.gateway';
import { createInicisPaymentGateway } from './inicis/inicis.gateway';
import { createKakaoPayGateway } from './kakaopay/kakaopay.gateway';
import { createNaverPayGateway } from './naverpay/naverpay.gateway';
import {
  openPgGateway,
  PG_CREDENTIALS,
  sandboxTarget,
  type PaymentSandbox,
  type SandboxConfig,
} from './open-pg-gateway';

export { SANDBOX_WINDOW_PATH, type PaymentSandbox } from './open-pg-gateway';

/** Where Toss sends webhooks (registered in Toss's console for real keys; configured on the simulator in sandbox). */
export const TOSS_WEBHOOK_PATH = '/api/v1/webhooks/payments/toss';
/** Where NicePay sends webhooks (registered in NicePay's merchant admin; configured on the simulator in sandbox). */
export const NICEPAY_WEBHOOK_PATH = '/api/v1/webhooks/payments/nicepay';

export interface PaymentGateways {
  /** The adapter of a configured PG; a DomainError PAYMENT_PROVIDER_UNAVAILABLE for any other. */
  gateway(provider: PgProvider): PaymentGateway;
  providers: PgProvider[];
  /** Base URL of the sandbox PG simulator (absent with real PGs): the API proxies its windows, tests arm its faults. */
  sandbox: { pg?: string };
  close(): Promise<void>;
}

/**
 * Adapters for the configured PGs. A PG without credentials is served by the injected sandbox's
 * PG simulator (docs/payments.md#gateways-and-the-sandbox): the one at PG_SIMULATOR_URL, or one
 * started in-process, which calls the shop's webhook back; all such PGs share it. Its payment
 * window is reached through the shop's own address (`<public>/sandbox/…`), so a browser that can
 * reach the shop can pay. Without a sandbox, a PG without credentials is a VendorNotConfiguredError.
 */
export async function openPaymentGateways(
  config: PaymentVendorConfig,
  options: { publicBaseUrl: string; sandbox?: PaymentSandbox },
): Promise<PaymentGateways> {
  const closers: Array<() => Promise<void> | void> = [];
  const sandbox: PaymentGateways['sandbox'] = {};
  const sandboxGateway = (provider: PgProvider) => async (given: SandboxConfig | undefined) => {
    const pgSandbox = requireSandbox(
      options.sandbox,
      `the ${provider} payment gateway`,
      PG_CREDENTIALS[provider],
    );
    sandbox.pg ??= await simulatorUrl(
      given?.simulatorUrl,
      () =>
        pgSandbox.start({
          toss: `${options.publicBaseUrl}${TOSS_WEBHOOK_PATH}`,
          nicepay: `${options.publicBaseUrl}${NICEPAY_WEBHOOK_PATH}`,
        }),
      closers,
    );
    return pgSandbox.gateways[provider](sandboxTarget(sandbox.pg, options.publicBaseUrl, given?.timeoutMs));
  };
  const gateways = new Map<PgProvider, PaymentGateway>();
  // A PG disabled in production (no credentials, no sandbox opted in) is not offered at all.
  const open = async <Live extends { kind: string }>(
    provider: PgProvider,
    pgConfig: Live | SandboxConfig | DisabledPg | undefined,
    live: (config: Omit<Live, 'kind'>) => PaymentGateway,
  ) => {
    if (pgConfig?.kind === 'disabled') return;
    const enabled = pgConfig as Live | SandboxConfig | undefined;
    gateways.set(provider, await openPgGateway(enabled, { live, sandbox: sandboxGateway(provider) }));
  };
  await open('TOSS', config.toss, createTossPaymentGateway);
  await open('NICEPAY', config.nicepay, createNicepayPaymentGateway);
  await open('KAKAOPAY', config.kakaopay, createKakaoPayGateway);
  await open('NAVERPAY', config.naverpay, createNaverPayGateway);
  await open('INICIS', config.inicis, createInicisPaymentGateway);
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
