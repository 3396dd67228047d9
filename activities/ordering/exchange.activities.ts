import { ApplicationFailure } from '@temporalio/activity';
import type { ExchangeItem, NewExchange } from '../../domain/ordering/exchange';
import type { ExchangeStore } from '../../domain/ordering/exchange-ports';
import type { StockReservations } from '../../domain/ordering/ports';
import { DomainError } from '../../domain/shared/domain-error';

export interface ExchangeActivityDeps {
  exchanges: ExchangeStore;
  inventory: Pick<StockReservations, 'reserve' | 'commit' | 'restock'>;
}

/** Stock references of an exchange: the replacement taken, the returned unit put back. */
export const exchangeOutReference = (exchangeId: string) => `exchange:${exchangeId}`;
export const exchangeBackReference = (exchangeId: string) => `exchange-back:${exchangeId}`;

function final(error: unknown, items?: readonly ExchangeItem[]): never {
  if (error instanceof DomainError) {
    // OUT_OF_STOCK names the product and option for people (api/messages/ko.ts), never the variant id.
    const variantId = (error.details as { variantId?: string } | undefined)?.variantId;
    const item = items?.find((i) => i.toVariantId === variantId);
    const details = item
      ? { ...error.details, productName: item.productName, options: item.toOptions }
      : error.details;
    const message = item
      ? `${item.productName} (${Object.values(item.toOptions).join(' / ')}): ${error.message}`
      : error.message;
    throw ApplicationFailure.nonRetryable(message, error.code, details ?? {});
  }
  throw error;
}

/** OrderLifecycle's exchange steps (docs/ordering.md#exchanges): the record, and the stock that moves. */
export function createExchangeActivities(deps: ExchangeActivityDeps) {
  return {
    async openExchange(input: Omit<NewExchange, 'requestedAt'> & { at: string }): Promise<void> {
      const { at, ...exchange } = input;
      await deps.exchanges.open({ ...exchange, requestedAt: new Date(at) });
    },

    async decideExchange(input: {
      exchangeId: string;
      status: 'APPROVED' | 'REJECTED';
      decidedBy: string;
      decisionReason: string | null;
      at: string;
    }): Promise<void> {
      await deps.exchanges.decide(input.exchangeId, {
        status: input.status,
        decidedBy: input.decidedBy,
        decisionReason: input.decisionReason,
        decidedAt: new Date(input.at),
      });
    },

    /** The replacement leaves the shelf (reserved and sold at once); OUT_OF_STOCK when it cannot. */
    async takeExchangeStock(input: { exchangeId: string; items: ExchangeItem[] }): Promise<void> {
      const reference = exchangeOutReference(input.exchangeId);
      const lines = input.items.map((i) => ({ variantId: i.toVariantId, quantity: i.quantity }));
      try {
        await deps.inventory.reserve(reference, lines, {});
        await deps.inventory.commit(reference);
      } catch (error) {
        final(error, input.items);
      }
    },

    /** The unit the buyer sends back goes on sale again, once per exchange. */
    async restockExchangedUnits(input: { exchangeId: string; items: ExchangeItem[] }): Promise<void> {
      const lines = input.items.map((i) => ({ variantId: i.fromVariantId, quantity: i.quantity }));
      await deps.inventory.restock(exchangeBackReference(input.exchangeId), lines).catch((e) => final(e));
    },

    async recordExchangeShipment(input: {
      exchangeId: string;
      courier: string;
      invoiceNumber: string;
      at: string;
    }): Promise<void> {
      await deps.exchanges.shipped(input.exchangeId, { ...input, at: new Date(input.at) });
    },

    async recordExchangeDelivered(input: { exchangeId: string; at: string }): Promise<void> {
      await deps.exchanges.delivered(input.exchangeId, new Date(input.at));
    },
  };
}
