/**
 * Workflow ids built from business keys (docs/ordering.md#model), so a repeated start finds the running
 * workflow instead of starting a second one, and an operator can find it by the order id.
 */
export const orderWorkflowId = (orderId: string): string => `order:${requireKey(orderId, 'orderId')}`;

/** The n-th payment attempt of an order (n ≥ 1; an operator's retry from the dead-letter queue is n + 1). */
export function paymentWorkflowId(orderId: string, attempt: number): string {
  if (!Number.isSafeInteger(attempt) || attempt < 1)
    throw new Error(`payment attempt must be a whole number ≥ 1, got ${attempt}`);
  return `payment:${requireKey(orderId, 'orderId')}:${attempt}`;
}

export const shipmentWorkflowId = (orderId: string, sellerId: string): string =>
  `shipment:${requireKey(orderId, 'orderId')}:${requireKey(sellerId, 'sellerId')}`;

export type ParsedWorkflowId =
  | { kind: 'order'; orderId: string }
  | { kind: 'payment'; orderId: string; attempt: number }
  | { kind: 'shipment'; orderId: string; sellerId: string };

/** The business keys back from a workflow id (null for ids of other workflows). */
export function parseOrderingWorkflowId(workflowId: string): ParsedWorkflowId | null {
  const [kind, ...rest] = workflowId.split(':');
  if (kind === 'order' && rest.length === 1 && rest[0]) return { kind, orderId: rest[0] };
  if (kind === 'payment' && rest.length === 2 && rest[0] && /^[1-9]\d*$/.test(rest[1]!))
    return { kind, orderId: rest[0], attempt: Number(rest[1]) };
  if (kind === 'shipment' && rest.length === 2 && rest[0] && rest[1])
    return { kind, orderId: rest[0], sellerId: rest[1] };
  return null;
}

function requireKey(value: string, name: string): string {
  if (!value || value.includes(':'))
    throw new Error(`${name} must be non-empty and contain no ":", got "${value}"`);
  return value;
}
