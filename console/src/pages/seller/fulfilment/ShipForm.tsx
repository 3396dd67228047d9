import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { postApiV1SellerOrdersByIdShipments, type SellerOrder } from '../../../api/generated';
import { COURIERS, invoiceProblem } from '../ops/couriers';
import { CourierOptions } from '../ops/CourierOptions';
import { problemText } from '../../../format/problem';

export const refreshAfterShipping = (queries: ReturnType<typeof useQueryClient>) =>
  Promise.all(
    ['seller-orders', 'seller-shipments', 'dashboard'].map((key) =>
      queries.invalidateQueries({ queryKey: [key] }),
    ),
  );

/** 택배사 and 송장번호 for one part; the invoice's hard rules are checked before it is sent. */
export function ShipForm({ order }: { order: SellerOrder }) {
  const queries = useQueryClient();
  const [courier, setCourier] = useState<string>(COURIERS[0].code);
  const [invoice, setInvoice] = useState('');
  const [local, setLocal] = useState<string | null>(null);
  const ship = useMutation({
    mutationFn: async () =>
      (
        await postApiV1SellerOrdersByIdShipments({
          path: { id: order.orderId },
          body: { courier, invoiceNumber: invoice },
          throwOnError: true,
        })
      ).data,
    onSuccess: () => refreshAfterShipping(queries),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = invoiceProblem(courier, invoice);
    setLocal(problem);
    if (!problem) ship.mutate();
  };
  const n = order.orderNumber;
  return (
    <form className="row-form" onSubmit={submit} aria-label={`${n} 발송 정보`}>
      <label>
        택배사
        <select aria-label={`${n} 택배사`} value={courier} onChange={(e) => setCourier(e.target.value)}>
          <CourierOptions />
        </select>
      </label>
      <label>
        송장번호
        <input
          aria-label={`${n} 송장번호`}
          inputMode="numeric"
          value={invoice}
          onChange={(e) => setInvoice(e.target.value)}
        />
      </label>
      <button type="submit" aria-label={`${n} 발송 처리`} disabled={ship.isPending}>
        발송
      </button>
      {(local || ship.isError) && (
        <span role="alert" className="error">
          {local ?? problemText(ship.error)}
        </span>
      )}
    </form>
  );
}
