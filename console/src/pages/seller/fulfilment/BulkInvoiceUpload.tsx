import { useQueryClient } from '@tanstack/react-query';
import { useState, type DragEvent } from 'react';
import { postApiV1SellerOrdersByIdShipments } from '../../../api/generated';
import { COURIERS } from '../ops/couriers';
import { parseInvoiceCsv, type InvoiceRow } from '../ops/invoiceCsv';
import { refreshAfterShipping } from './ShipForm';
import { allSellerOrders } from './useSellerOrders';
import { problemText } from '../../../format/problem';

type Outcome = { ok: boolean; text: string };
const courierName = (code: string | null) => COURIERS.find((c) => c.code === code)?.name ?? '';

/**
 * 송장 일괄 등록: a CSV (주문번호,택배사,송장번호) read in the browser, previewed with each row's
 * problems (format, courier, invoice length, an order not waiting to ship), then sent row by row.
 */
export function BulkInvoiceUpload() {
  const queries = useQueryClient();
  const [fileName, setFileName] = useState('');
  const [rows, setRows] = useState<InvoiceRow[]>([]);
  const [orderIds, setOrderIds] = useState<Map<string, string>>(new Map());
  const [outcomes, setOutcomes] = useState<Record<number, Outcome>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);

  const read = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setOutcomes({});
    setFileName(file.name);
    try {
      const parsed = parseInvoiceCsv(await file.text());
      const waiting = await allSellerOrders(['PAID', 'PREPARING']);
      const ids = new Map(waiting.map((o) => [o.orderNumber, o.orderId]));
      for (const row of parsed)
        if (row.problems.length === 0 && !ids.has(row.orderNumber))
          row.problems.push('발송할 주문에 없는 주문번호입니다.');
      setOrderIds(ids);
      setRows(parsed);
    } catch (e) {
      setRows([]);
      setError(problemText(e));
    }
  };

  const valid = rows.filter((row) => row.problems.length === 0);
  const submit = async () => {
    setBusy(true);
    for (const row of valid) {
      try {
        const shipped = await postApiV1SellerOrdersByIdShipments({
          path: { id: orderIds.get(row.orderNumber)! },
          body: { courier: row.courier!, invoiceNumber: row.invoiceNumber },
          throwOnError: true,
        });
        const warning = shipped.data.warnings.length ? ` (${shipped.data.warnings.join(' ')})` : '';
        setOutcomes((now) => ({ ...now, [row.line]: { ok: true, text: `등록됨${warning}` } }));
      } catch (e) {
        setOutcomes((now) => ({ ...now, [row.line]: { ok: false, text: `실패: ${problemText(e)}` } }));
      }
    }
    setBusy(false);
    await refreshAfterShipping(queries);
  };

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void read(event.dataTransfer.files[0]);
  };

  const done = Object.values(outcomes);
  return (
    <section className="panel" aria-labelledby="bulk-title">
      <h2 id="bulk-title">송장 일괄 등록 (CSV)</h2>
      <div
        className={`drop-zone${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <p className="muted">
          열: 주문번호,택배사,송장번호 (첫 줄 제목은 있어도 됩니다). 택배사는 이름(CJ대한통운) 또는 코드(CJ).
        </p>
        <label>
          CSV 파일 선택
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              void read(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {fileName && rows.length === 0 && !error && <p className="muted">{fileName}: 등록할 행이 없습니다.</p>}
      {rows.length > 0 && (
        <>
          <p role="status">
            {fileName}: {rows.length}행 중 {valid.length}행 등록 가능
            {done.length > 0 &&
              ` · 성공 ${done.filter((o) => o.ok).length}건, 실패 ${done.filter((o) => !o.ok).length}건`}
          </p>
          <div className="table-wrap">
            <table aria-label="송장 일괄 등록 미리보기">
              <thead>
                <tr>
                  <th scope="col">행</th>
                  <th scope="col">주문번호</th>
                  <th scope="col">택배사</th>
                  <th scope="col">송장번호</th>
                  <th scope="col">결과</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const outcome = outcomes[row.line];
                  return (
                    <tr key={row.line}>
                      <td>{row.line}</td>
                      <td>{row.orderNumber}</td>
                      <td>{courierName(row.courier) || row.courierText}</td>
                      <td>{row.invoiceNumber}</td>
                      <td
                        className={
                          outcome ? (outcome.ok ? 'ok' : 'error') : row.problems.length ? 'error' : undefined
                        }
                      >
                        {outcome?.text ?? (row.problems.length ? row.problems.join(' ') : '확인됨')}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <button
            type="button"
            disabled={busy || valid.length === 0 || done.length > 0}
            onClick={() => void submit()}
          >
            {busy ? '등록하는 중…' : `${valid.length}건 송장 등록`}
          </button>
        </>
      )}
    </section>
  );
}
