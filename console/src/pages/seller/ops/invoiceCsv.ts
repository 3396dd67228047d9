import { courierOf, invoiceProblem } from './couriers';

/** One data row of a bulk invoice file (주문번호,택배사,송장번호), checked before anything is sent. */
export interface InvoiceRow {
  /** 1-based line in the file, as a spreadsheet shows it. */
  line: number;
  orderNumber: string;
  courierText: string;
  courier: string | null;
  invoiceNumber: string;
  problems: string[];
}

const HEADER = ['주문번호', '택배사', '송장번호'];
const ORDER_NUMBER = /^JT\d{16}$/;

/** RFC 4180 fields: quotes, doubled quotes inside them, commas and line breaks inside quotes. */
export function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/**
 * The rows of a bulk invoice file with each row's problems (Korean): a header line is optional;
 * blank lines are skipped; an order named twice is refused on its second line.
 */
export function parseInvoiceCsv(text: string): InvoiceRow[] {
  const rows: InvoiceRow[] = [];
  const seen = new Set<string>();
  csvRecords(text).forEach((record, index) => {
    const cells = record.map((cell) => cell.trim());
    if (cells.every((cell) => cell === '')) return;
    if (index === 0 && HEADER.every((name, i) => cells[i]?.replace(/\s/g, '') === name)) return;
    const [orderNumber = '', courierText = '', invoiceNumber = ''] = cells;
    const problems: string[] = [];
    if (cells.length < 3) problems.push('열이 부족합니다 (주문번호,택배사,송장번호).');
    if (!ORDER_NUMBER.test(orderNumber)) problems.push('주문번호 형식이 아닙니다 (JT로 시작하는 18자).');
    else if (seen.has(orderNumber)) problems.push('같은 주문번호가 앞 행에 있습니다.');
    seen.add(orderNumber);
    const courier = courierOf(courierText);
    if (!courier) problems.push(`알 수 없는 택배사입니다: ${courierText || '(빈칸)'}`);
    const invoice = invoiceProblem(courier?.code ?? '', invoiceNumber);
    if (invoice) problems.push(invoice);
    rows.push({
      line: index + 1,
      orderNumber,
      courierText,
      courier: courier?.code ?? null,
      invoiceNumber,
      problems,
    });
  });
  return rows;
}
