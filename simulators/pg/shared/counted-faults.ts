/**
 * Counted fault knobs shared by the PG fakes: a fault fires on the next `times` calls of its
 * `operation` (default: the PG's approval call), then disarms itself. The knob object is the
 * simulator's state, held by reference by its handlers: it is changed in place, never replaced.
 */
export interface CountedFault<Op extends string> {
  times?: number;
  operation?: Op;
}

/** Takes one use of a counted fault; returns it (then spent) when one was armed. */
export function spendFault<F extends object, N extends keyof F>(
  faults: F,
  name: N,
): NonNullable<F[N]> | undefined {
  const fault = faults[name] as ({ times?: number } & NonNullable<F[N]>) | undefined;
  if (!fault) return undefined;
  const remaining = (fault.times ?? 1) - 1;
  if (remaining <= 0) delete faults[name];
  else fault.times = remaining;
  return fault;
}

/** Takes one use of a counted fault if it applies to `operation`; returns it when it fires. */
export function takeFault<F extends object, N extends keyof F>(
  faults: F,
  name: N,
  operation: string,
  defaultOperation: string,
): NonNullable<F[N]> | undefined {
  const fault = faults[name] as { operation?: string } | undefined;
  if (!fault) return undefined;
  if ((fault.operation ?? defaultOperation) !== operation) return undefined;
  return spendFault(faults, name);
}

/** The NicePay and Inicis rules: known knobs, `latencyMs` ≥ 0, and every knob's operation and times. */
export function checkFaultKnobs(
  input: Record<string, unknown>,
  allowed: readonly string[],
  operations: readonly string[],
  pg: string,
): void {
  checkKnobNames(input, allowed, pg);
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

/**
 * The KakaoPay and NaverPay rules: known knobs, a finite `latencyMs` ≥ 0, and the operation of
 * the knobs that name one (`counted`).
 */
export function checkCountedKnobs(
  input: Record<string, unknown>,
  rules: { pg: string; knobs: readonly string[]; counted: readonly string[]; operations: readonly string[] },
): void {
  checkKnobNames(input, rules.knobs, rules.pg);
  if (
    input.latencyMs !== undefined &&
    !(Number.isFinite(input.latencyMs) && (input.latencyMs as number) >= 0)
  )
    throw new Error('latencyMs must be a number ≥ 0');
  for (const name of rules.counted) {
    const operation = (input[name] as { operation?: unknown } | null | undefined)?.operation;
    if (operation !== undefined && !rules.operations.includes(operation as string))
      throw new Error(`${name}.operation must be one of ${rules.operations.join(', ')}`);
  }
}

export function checkKnobNames(input: Record<string, unknown>, known: readonly string[], pg: string): void {
  for (const key of Object.keys(input))
    if (!known.includes(key)) throw new Error(`unknown ${pg} fault "${key}" (known: ${known.join(', ')})`);
}

/**
 * The fault part of a simulator module over its knob object: arm knobs (validated, merged), read
 * them, and put the start options' knobs back (on reset).
 */
export function faultControls<F extends object>(
  faults: F,
  initial: F | undefined,
  validate: (input: Record<string, unknown>) => F,
) {
  return {
    setFaults(input: Record<string, unknown>): void {
      Object.assign(faults, structuredClone(validate(input)));
    },
    faults: (): F => structuredClone(faults),
    restoreFaults(): void {
      for (const key of Object.keys(faults)) delete faults[key as keyof F];
      Object.assign(faults, structuredClone(initial ?? {}));
    },
  };
}
