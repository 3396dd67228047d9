import type { OrderCommand } from './order-status';

/** Who looks at an order: its buyer, a seller side (the seller or its manager), or an operator. */
export type OrderActor = 'BUYER' | 'SELLER' | 'ADMIN';

const SELLER_SIDE: readonly OrderCommand[] = [
  'START_PREPARING',
  'SHIP',
  'APPROVE_RETURN',
  'REJECT_RETURN',
  'APPROVE_PARTIAL_RETURN',
  'APPROVE_EXCHANGE',
  'REJECT_EXCHANGE',
  'SHIP_EXCHANGE',
];

/**
 * Commands each actor can send through the API. Payment outcomes, expiry and delivery come from
 * the workflows and the courier, never from a person; admins act on the seller's routes.
 */
export const COMMANDS_BY_ACTOR: Readonly<Record<OrderActor, readonly OrderCommand[]>> = {
  BUYER: ['CANCEL', 'CONFIRM_PURCHASE', 'REQUEST_RETURN', 'REQUEST_EXCHANGE'],
  SELLER: [...SELLER_SIDE],
  ADMIN: [...SELLER_SIDE],
};

/** The subset of the commands the order accepts now that this actor may send. */
export function commandsForActor(accepted: readonly OrderCommand[], actor: OrderActor): OrderCommand[] {
  return accepted.filter((command) => COMMANDS_BY_ACTOR[actor].includes(command));
}
