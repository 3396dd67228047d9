import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createMetrics, type Metrics } from '../../platform/observability/metrics';
import type { SettlementActivities } from '../../activities/settlement/settlement.activities';
import { loadSettlementVendorConfig } from '../../config/settlement-vendors';
import type { NotificationRequest } from '../../domain/notification/notification';
import {
  openSettlementVendors,
  type SettlementVendors,
} from '../../integrations/settlement/settlement-vendors';
import { TypeOrmSettlementStore } from '../../persistence/settlement/typeorm-settlement.store';
import { settlementSandbox } from '../../sandbox/settlement';
import { testContexts } from './contexts';
import {
  createBankingSimulator,
  type BankingFaults,
  type BankingSimulator,
} from '../../simulators/banking/banking.simulator';
import {
  createPopbillSimulator,
  type PopbillFaults,
  type PopbillSimulator,
} from '../../simulators/popbill/popbill.simulator';
import type { ServedSimulator } from '../../simulators/shared/serve-app';
import {
  SETTLEMENT_TASK_QUEUE,
  weeklySettlementWorkflowId,
  type WeeklySettlementResult,
} from '../../workflows/settlement/settlement.messages';
import { signUpSeller, type TestAccount } from './identity';
import type { TestApp } from './test-app';

/**
 * The settlement context on one machine: the firm-banking and Popbill simulators, the settlement
 * adapters over them (configured as a worker would be, from *_SIMULATOR_URL), and the real
 * settlement activities over the test database. `worker(env)` serves them (and every workflow) on
 * the `settlement` queue; other suites can pass `activities` to their own worker instead.
 */
export interface SettlementSandbox {
  banking: BankingSimulator;
  popbill: PopbillSimulator;
  vendors: SettlementVendors;
  activities: SettlementActivities;
  /** Counts dead_letters_total for the sandbox's activities. */
  metrics: Metrics;
  store: TypeOrmSettlementStore;
  bankingFaults(knobs: Partial<BankingFaults>): Promise<void>;
  popbillFaults(knobs: Partial<PopbillFaults>): Promise<void>;
  /** A seller signed up through the API, with a settlement bank account unless `account: false`. */
  seller(options?: { account?: boolean; companyName?: string }): Promise<TestAccount>;
  close(): Promise<void>;
}

export async function openSettlementSandbox(app: TestApp): Promise<SettlementSandbox> {
  const banking = createBankingSimulator();
  const popbill = createPopbillSimulator();
  const servers: ServedSimulator[] = [await banking.start(), await popbill.start()];
  const vendors = await openSettlementVendors(
    loadSettlementVendorConfig({
      BANKING_SIMULATOR_URL: servers[0]!.url,
      POPBILL_SIMULATOR_URL: servers[1]!.url,
      FIRM_BANKING_TIMEOUT_MS: '2000',
      POPBILL_TIMEOUT_MS: '2000',
    }),
    { sandbox: settlementSandbox },
  );
  const metrics = createMetrics({ collectProcessMetrics: false });
  const activities = testContexts(app, {
    vendors: { settlementVendors: vendors },
    metrics,
  }).settlement.activities();
  const faults = (url: string) => async (knobs: object) => {
    const response = await fetch(`${url}/__sim/faults`, { method: 'POST', body: JSON.stringify(knobs) });
    if (!response.ok) throw new Error(`faults refused: ${await response.text()}`);
  };
  return {
    banking,
    popbill,
    vendors,
    activities,
    metrics,
    store: new TypeOrmSettlementStore(app.dataSource),
    bankingFaults: faults(servers[0]!.url),
    popbillFaults: faults(servers[1]!.url),
    async seller({ account = true, companyName = '정산상회' } = {}) {
      const seller = await signUpSeller(app, { companyName });
      if (account) {
        const response = await app.request(`/api/v1/sellers/${seller.id}/profile`, {
          method: 'PATCH',
          headers: seller.auth,
          body: {
            settlementAccount: { bankCode: '004', accountNumber: '123456-78-901234', holder: companyName },
          },
        });
        if (response.status !== 200)
          throw new Error(`bank account: ${response.status} ${await response.text()}`);
      }
      return seller;
    },
    async close() {
      await vendors.close();
      for (const server of servers) await server.close();
    },
  };
}

/** A worker on the settlement queue with the sandbox's activities and every workflow type. */
export function settlementWorker(env: TestWorkflowEnvironment, sandbox: SettlementSandbox): Promise<Worker> {
  return Worker.create({
    connection: env.nativeConnection,
    taskQueue: SETTLEMENT_TASK_QUEUE,
    workflowsPath: require.resolve('../../workflows'),
    activities: sandbox.activities,
  });
}

/** Runs a week as the admin route does (same workflow id) and waits for it. */
export function runSettlementWeek(
  env: TestWorkflowEnvironment,
  weekId: string,
): Promise<WeeklySettlementResult> {
  return env.client.workflow.execute('weeklySettlementWorkflow', {
    taskQueue: SETTLEMENT_TASK_QUEUE,
    workflowId: weeklySettlementWorkflowId(weekId),
    args: [{ weekId }],
  });
}

/** What the notification stand-in recorded for a settlement's statement. */
export const statementOf = (sent: NotificationRequest[], settlementId: string) =>
  sent.filter((request) => request.dedupeKey === `settlement-statement:${settlementId}`);
