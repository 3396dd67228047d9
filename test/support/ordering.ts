import type { DataSource } from 'typeorm';
import type { PointsBalancePort } from '../../domain/ordering/ports';
import type { OrderPlacementDeps } from '../../application/ordering/place-order';
import { createOrderingContext, type OrderingContext } from '../../contexts/ordering.context';
import { uuidv7 } from '../../platform/ids';
import { catalogAndInventory, testInfra } from './contexts';
import type { TestAccount } from './identity';
import type { TestApp } from './test-app';

/** A product with one variant per entry of `stocks` (사이즈 S, M, L …), created through the API by the seller. */
export async function createProduct(
  app: TestApp,
  seller: TestAccount,
  input: { name?: string; price: number; stocks: number[]; priceDeltas?: number[] },
): Promise<{ id: string; variantIds: string[] }> {
  const sizes = input.stocks.map((_, i) => `S${i + 1}`);
  const response = await app.request('/api/v1/seller/products', {
    headers: seller.auth,
    body: {
      name: input.name ?? `테스트 상품 ${uuidv7().slice(-6)}`,
      description: '주문 테스트',
      price: input.price,
      options: [{ name: '사이즈', values: sizes }],
      variants: sizes.map((size, i) => ({
        options: { 사이즈: size },
        stock: input.stocks[i],
        priceDelta: input.priceDeltas?.[i] ?? 0,
      })),
    },
  });
  const body = (await response.json()) as {
    id: string;
    variants: { id: string; options: Record<string, string> }[];
  };
  if (response.status !== 201)
    throw new Error(`product creation failed: ${response.status} ${JSON.stringify(body)}`);
  return {
    id: body.id,
    variantIds: sizes.map((size) => body.variants.find((v) => v.options['사이즈'] === size)!.id),
  };
}

/** The ordering services over a data source, with the app's key set and Redis (as composeApp wires them). */
export function orderingServices(
  app: TestApp,
  options: {
    dataSource?: DataSource;
    points?: PointsBalancePort;
    placement?: Partial<Pick<OrderPlacementDeps, 'afterReservation' | 'inFlightWaitMs' | 'orderSerial'>>;
  } = {},
): OrderingContext & ReturnType<typeof catalogAndInventory> {
  const infra = testInfra({
    ...app,
    infrastructure: { ...app.infrastructure, dataSource: options.dataSource ?? app.dataSource },
  });
  const catalogInventory = catalogAndInventory(infra);
  const ordering = createOrderingContext(infra, {
    catalog: catalogInventory.catalog.browsing,
    inventory: catalogInventory.inventory,
    holds: catalogInventory.waitlist,
    points: options.points,
    placement: options.placement,
  });
  return { ...catalogInventory, ...ordering };
}

export const address = (tag = '') => ({
  recipient: `김주문${tag}`,
  phone: '010-2345-6789',
  zipCode: '06236',
  address1: `서울특별시 강남구 테헤란로 152${tag ? ` ${tag}` : ''}`,
  address2: '12층',
});

export const cardPayment = { method: 'CARD' as const, provider: 'TOSS' as const };

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Calls `/api/v1<path>` as an account; the body is parsed JSON (null when empty). */
export async function apiCall(
  app: TestApp,
  path: string,
  account: TestAccount,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; body: Json }> {
  const response = await app.request(`/api/v1${path}`, {
    ...init,
    headers: { ...account.auth, ...init.headers },
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text ? JSON.parse(text) : null) as Json,
  };
}

/**
 * Cleans up after a suite on the shared test database: the accounts' orders with their lines,
 * parts, history and stock reservations, then their rows in `perUserTables` (cart, addresses…).
 */
export async function deleteOrdersOf(
  dataSource: DataSource,
  accounts: (TestAccount | undefined)[],
  perUserTables: string[] = [],
): Promise<void> {
  for (const account of accounts) {
    if (!account) continue;
    const ids = (await dataSource.query('SELECT id FROM orders WHERE user_id = ?', [account.id])) as {
      id: string;
    }[];
    for (const { id } of ids) {
      for (const table of ['order_history', 'order_lines', 'order_parts'])
        await dataSource.query(`DELETE FROM ${table} WHERE order_id = ?`, [id]);
      await dataSource.query('DELETE FROM stock_reservations WHERE reference = ?', [id]);
    }
    for (const table of ['orders', ...perUserTables])
      await dataSource.query(`DELETE FROM ${table} WHERE user_id = ?`, [account.id]);
  }
}
