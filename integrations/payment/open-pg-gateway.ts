import type { PaymentGateway, PgProvider } from '../../domain/payment';
import type { RunningSandbox } from '../vendor-sandbox';

/** The simulator's buyer-facing windows, also served by the API under the same path (api/payment/sandbox-window.proxy.ts). */
export const SANDBOX_WINDOW_PATH = '/sandbox';

/** Where a PG without credentials is served: the shared PG simulator, its windows on the shop's address. */
export interface SandboxTarget {
  simulatorUrl: string;
  /** `<public><windowPath><path>`: a simulator window as a browser reaches it through the shop. */
  windowUrl(path: string): string;
  windowPath: string;
  timeoutMs?: number;
}

export function sandboxTarget(
  simulatorUrl: string,
  publicBaseUrl: string,
  timeoutMs?: number,
): SandboxTarget {
  return {
    simulatorUrl,
    windowUrl: (path) => `${publicBaseUrl}${SANDBOX_WINDOW_PATH}${path}`,
    windowPath: SANDBOX_WINDOW_PATH,
    timeoutMs,
  };
}

/** What stands in for the PGs without credentials (sandbox/payment.ts). */
export interface PaymentSandbox {
  /** Starts the PG simulator in-process; it calls the shop's webhooks back at these URLs. */
  start(webhookUrls: { toss: string; nicepay: string }): Promise<RunningSandbox>;
  /** Each PG's gateway onto the simulator, with the simulator's test credentials. */
  gateways: Record<PgProvider, (target: SandboxTarget) => PaymentGateway>;
}

/** The variables that give each PG its credentials. */
export const PG_CREDENTIALS: Record<PgProvider, readonly string[]> = {
  TOSS: ['TOSS_SECRET_KEY'],
  NICEPAY: ['NICEPAY_CLIENT_KEY', 'NICEPAY_SECRET_KEY'],
  INICIS: ['INICIS_MID', 'INICIS_SIGN_KEY', 'INICIS_API_KEY'],
  KAKAOPAY: ['KAKAOPAY_SECRET_KEY', 'KAKAOPAY_CID'],
  NAVERPAY: ['NAVERPAY_CLIENT_ID', 'NAVERPAY_CLIENT_SECRET', 'NAVERPAY_CHAIN_ID', 'NAVERPAY_PARTNER_ID'],
};

export interface SandboxConfig {
  kind: 'sandbox';
  simulatorUrl?: string;
  timeoutMs: number;
}

/**
 * A PG's gateway from its configuration: real credentials (every field but `kind`) go to `live`;
 * none (or no configuration) → `sandbox`.
 */
export function openPgGateway<Live extends { kind: string }>(
  config: Live | SandboxConfig | undefined,
  open: {
    live: (config: Omit<Live, 'kind'>) => PaymentGateway;
    sandbox: (config: SandboxConfig | undefined) => Promise<PaymentGateway>;
  },
): Promise<PaymentGateway> {
  if (config && config.kind !== 'sandbox') {
    const { kind: _kind, ...live } = config as Live;
    return Promise.resolve(open.live(live));
  }
  return open.sandbox(config as SandboxConfig | undefined);
}
