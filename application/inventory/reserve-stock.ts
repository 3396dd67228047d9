import { InventoryErrorCode, outOfStock, variantNotFound } from '../../domain/inventory/inventory-errors';
import { summariseLines, type ReservationLine } from '../../domain/inventory/reservation';
import { availabilityTransition, sellableOf } from '../../domain/inventory/stock-level';
import { holdReference } from '../../domain/inventory/waitlist';
import { DomainError } from '../../domain/shared/domain-error';
import type { Transaction } from '../../domain/shared/unit-of-work';
import {
  checkReference,
  repeatedReservation,
  within,
  type InventoryDeps,
  type ReservationResult,
  type ReserveOptions,
} from './inventory-deps';
import { reportAvailability } from './stock-availability';

/**
 * Reserves every line for the order, or nothing: OUT_OF_STOCK (with the variant and what is
 * sellable) when one SKU falls short. Lines are summed per SKU and touched in variant-id order.
 * With `options.tx` the caller's transaction holds the work, and the caller must roll it back when
 * this throws.
 */
export async function reserveStock(
  deps: InventoryDeps,
  orderId: string,
  lines: ReservationLine[],
  options: ReserveOptions = {},
): Promise<ReservationResult> {
  const reference = checkReference(orderId);
  const demand = summariseLines(lines);
  return within(deps, options, async (tx) => {
    const now = deps.now();
    // The reservation rows go in first: the (reference, variant) key makes a repeated call fail
    // here, before any stock row is locked, and keeps the hot row's lock as short as possible.
    if (!(await deps.stock.insertReservations(reference, demand, 'HELD', now, tx))) {
      const existing = await deps.stock.reservations(reference, tx);
      if (existing.length > 0) return repeatedReservation(reference, existing, demand);
      throw new DomainError(
        InventoryErrorCode.STOCK_CONFLICT,
        `Order ${reference} is being reserved by another call; retry`,
        { orderId: reference },
      );
    }
    const claimed = options.userId
      ? await claimHolds(deps, tx, options.userId, demand)
      : new Map<string, number>();
    const soldOut: string[] = [];
    for (const line of demand) {
      const outcome = await deps.stock.take(line, now, tx);
      if (outcome === 'SHORT') {
        const [level] = await deps.stock.levels([line.variantId], tx);
        if (!level) throw variantNotFound(line.variantId);
        throw outOfStock(line.variantId, line.quantity, sellableOf(level));
      }
      if (outcome === 'LAST' || claimed.has(line.variantId)) soldOut.push(line.variantId);
    }
    if (soldOut.length > 0) {
      const after = await deps.stock.levels(soldOut, tx);
      const changed = after.filter((level) => {
        const line = demand.find((l) => l.variantId === level.variantId)!;
        const before = sellableOf(level) + line.quantity - (claimed.get(level.variantId) ?? 0);
        return availabilityTransition(before, sellableOf(level)) !== null;
      });
      await reportAvailability(deps, tx, changed, []);
    }
    return { reference, lines: demand, status: 'HELD', repeated: false };
  });
}

/** Uses up the restock holds the consumer was offered on these variants (their units become this order's). */
async function claimHolds(
  deps: InventoryDeps,
  tx: Transaction,
  userId: string,
  demand: ReservationLine[],
): Promise<Map<string, number>> {
  const claimed = new Map<string, number>();
  const offers = await deps.waitlist.offeredTo(
    userId,
    demand.map((line) => line.variantId),
    tx,
  );
  const now = deps.now();
  for (const offer of offers) {
    if (!(await deps.waitlist.transition(offer.id, { from: 'OFFERED', to: 'CLAIMED', at: now }, tx)))
      continue;
    for (const row of await deps.stock.reservations(holdReference(offer.id), tx)) {
      if (row.status !== 'HELD') continue;
      await deps.stock.settle(row.id, 'RELEASED', now, tx);
      await deps.stock.unreserve(row.variantId, row.quantity, now, tx);
      claimed.set(row.variantId, (claimed.get(row.variantId) ?? 0) + row.quantity);
    }
  }
  return claimed;
}
