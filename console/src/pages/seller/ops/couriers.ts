/** The couriers the API accepts (docs/shipping.md, Couriers and invoices), with their hard invoice lengths. */
export const COURIERS = [
  { code: 'CJ', name: 'CJ대한통운', lengths: [10, 12] },
  { code: 'LOTTE', name: '롯데택배', lengths: [10, 11, 12, 13] },
  { code: 'HANJIN', name: '한진택배', lengths: [10, 12] },
  { code: 'EPOST', name: '우체국택배', lengths: [13] },
  { code: 'LOGEN', name: '로젠택배', lengths: [11] },
  { code: 'KDEXP', name: '경동택배', lengths: [10, 11, 12, 13, 14] },
  { code: 'DAESIN', name: '대신택배', lengths: [10, 11, 12, 13, 14] },
] as const;

export type CourierCode = (typeof COURIERS)[number]['code'];

const squash = (text: string) => text.replace(/\s+/g, '').toUpperCase();

/** A courier named by its code (CJ) or its Korean name, with or without 택배 (우체국, 우체국택배, CJ대한통운). */
export function courierOf(input: string): (typeof COURIERS)[number] | undefined {
  const wanted = squash(input);
  if (!wanted) return undefined;
  return COURIERS.find(
    (courier) =>
      courier.code === wanted ||
      squash(courier.name) === wanted ||
      squash(courier.name).replace(/택배$/, '') === wanted.replace(/택배$/, ''),
  );
}

/** Spaces and hyphens are ignored, as the API does; null when the invoice passes the hard rules. */
export function invoiceProblem(courierCode: string, invoice: string): string | null {
  const digits = invoice.replace(/[\s\-‐-―－]/g, '');
  if (!digits) return '송장번호를 입력하세요.';
  if (!/^\d+$/.test(digits)) return '송장번호는 숫자만 쓸 수 있습니다.';
  const courier = COURIERS.find((c) => c.code === courierCode);
  if (courier && !(courier.lengths as readonly number[]).includes(digits.length))
    return `${courier.name} 송장번호는 ${lengthsText(courier.lengths)}자리입니다.`;
  return null;
}

function lengthsText(lengths: readonly number[]): string {
  if (lengths.length > 2) return `${lengths[0]}~${lengths[lengths.length - 1]}`;
  return lengths.join(' 또는 ');
}
