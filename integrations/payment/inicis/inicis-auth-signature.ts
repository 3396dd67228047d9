/**
 * The string KG Inicis hashes into an approval's `authSignature` (docs/vendors/inicis.md#authsignature,
 * official sample `makeSignatureAuth`): the last digit of the request's `timestamp` picks the order of three
 * of `mid`, `tstamp` (that timestamp), `MOID`, `TotPrice`. Pure so the adapter and its tests share one table;
 * the hashing (hex SHA-256) happens in the adapter.
 */
type Field = 'mid' | 'tstamp' | 'MOID' | 'TotPrice';

const ORDER_BY_DIGIT: Record<string, readonly Field[]> = {
  '1': ['MOID', 'mid', 'tstamp'],
  '2': ['MOID', 'tstamp', 'mid'],
  '3': ['mid', 'MOID', 'tstamp'],
  '4': ['mid', 'tstamp', 'MOID'],
  '5': ['tstamp', 'mid', 'MOID'],
  '6': ['tstamp', 'MOID', 'mid'],
  '7': ['TotPrice', 'mid', 'tstamp'],
  '8': ['TotPrice', 'tstamp', 'mid'],
  '9': ['TotPrice', 'MOID', 'tstamp'],
  '0': ['TotPrice', 'tstamp', 'MOID'],
};

export function inicisAuthSignatureInput(values: Record<Field, string>): string {
  const digit = values.tstamp.slice(-1);
  const order = ORDER_BY_DIGIT[digit];
  if (!order) throw new RangeError(`timestamp must end with a digit, got ${values.tstamp}`);
  return order.map((field) => `${field}=${values[field]}`).join('&');
}

/** `k=v` pairs sorted by key and joined by `&`: the input of INIStdPay's `signature` and `verification`. */
export function inicisSortedQuery(values: Record<string, string>): string {
  return Object.keys(values)
    .sort()
    .map((key) => `${key}=${values[key]}`)
    .join('&');
}
