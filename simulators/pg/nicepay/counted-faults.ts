/**
 * Counted fault knobs shared by the NicePay and Inicis fakes: a fault fires on the next `times`
 * calls of its `operation` (default: the PG's approval call), then disarms itself.
 */
export interface CountedFault<Op extends string> {
  times?: number;
  operation?: Op;
}

export function takeFault<Op extends string, T extends CountedFault<Op>>(
  faults: Record<string, unknown>,
  name: string,
  operation: Op,
  defaultOperation: Op,
): T | undefined {
  const fault = faults[name] as T | undefined;
  if (!fault) return undefined;
  if ((fault.operation ?? defaultOperation) !== operation) return undefined;
  const remaining = (fault.times ?? 1) - 1;
  if (remaining <= 0) delete faults[name];
  else fault.times = remaining;
  return fault;
}

export function checkFaultKnobs(
  input: Record<string, unknown>,
  allowed: readonly string[],
  operations: readonly string[],
  pg: string,
): void {
  for (const key of Object.keys(input))
    if (!allowed.includes(key))
      throw new Error(`unknown ${pg} fault "${key}" (known: ${allowed.join(', ')})`);
  if (input.latencyMs !== undefined && !(typeof input.latencyMs === 'number' && input.latencyMs >= 0))
    throw new Error('latencyMs must be a number ≥ 0');
  for (const [name, value] of Object.entries(input)) {
    if (!value || typeof value !== 'object') continue;
    const operation = (value as { operation?: unknown }).operation;
    if (operation !== undefined && !operations.includes(String(operation)))
      throw new Error(`${name}.operation must be one of ${operations.join(', ')}`);
    const times = (value as { times?: unknown }).times;
    if (times !== undefined && !(Number.isSafeInteger(times) && (times as number) > 0))
      throw new Error(`${name}.times must be a whole number above zero`);
  }
}
