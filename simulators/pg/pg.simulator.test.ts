import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createPgSimulator, type RunningPgSimulator } from './pg.simulator';
import { useTossWindow } from './toss/toss-sandbox-buyer';

const SECRET = 'test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R';
const basic = (key: string) => `Basic ${Buffer.from(key).toString('base64')}`;

describe('PG simulator — Toss contract', () => {
  const simulator = createPgSimulator();
  let running: RunningPgSimulator;
  let orderSeq = 0;
  const newOrderId = () => `sim-order-${process.pid}-${++orderSeq}`;

  before(async () => {
    running = await simulator.start({ port: 0 });
  });
  after(async () => running.close());
  beforeEach(() => simulator.reset());

  const checkoutUrl = (orderId: string, amount = 15_000, extra: Record<string, string> = {}) => {
    const url = new URL(`${running.url}/sandbox/toss/checkout`);
    const params = {
      orderId,
      orderName: '무선 키보드 외 1건',
      amount: String(amount),
      successUrl: 'https://shop.example/pay/success?cart=7',
      failUrl: 'https://shop.example/pay/fail',
      ...extra,
    };
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return url.toString();
  };

  const toss = (
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) =>
    fetch(`${running.url}/toss${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: basic(`${SECRET}:`), 'content-type': 'application/json', ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });

  test('the sandbox window shows the order and the three buttons', async () => {
    const orderId = newOrderId();
    const html = await (await fetch(checkoutUrl(orderId))).text();
    assert.match(html, /<button type="submit">결제하기<\/button>/);
    assert.match(html, /<button type="submit">결제 실패<\/button>/);
    assert.match(html, /<button type="submit">취소<\/button>/);
    assert.match(html, /15,000원/);
    assert.match(html, /무선 키보드 외 1건/);
  });

  test("결제하기 redirects to successUrl with paymentType, orderId, paymentKey and amount, keeping the shop's own parameters", async () => {
    const orderId = newOrderId();
    const result = await useTossWindow(checkoutUrl(orderId), 'approve');
    const location = new URL(result.location);
    assert.equal(`${location.origin}${location.pathname}`, 'https://shop.example/pay/success');
    assert.equal(result.params.cart, '7');
    assert.equal(result.params.paymentType, 'NORMAL');
    assert.equal(result.params.orderId, orderId);
    assert.equal(result.params.amount, '15000');
    assert.ok(result.params.paymentKey);
    const payment = simulator.state.toss.payments.get(result.params.paymentKey!);
    assert.equal(payment?.status, 'IN_PROGRESS');
  });

  test('결제 실패 and 취소 redirect to failUrl with code, message and orderId', async () => {
    const orderId = newOrderId();
    const failed = await useTossWindow(checkoutUrl(orderId), 'fail');
    assert.ok(failed.location.startsWith('https://shop.example/pay/fail?'));
    assert.deepEqual(
      { code: failed.params.code, orderId: failed.params.orderId },
      { code: 'REJECT_CARD_COMPANY', orderId },
    );
    assert.equal(failed.params.message, '결제 승인이 거절되었습니다.');

    const canceled = await useTossWindow(checkoutUrl(orderId), 'cancel');
    assert.equal(canceled.params.code, 'PAY_PROCESS_CANCELED');
    assert.equal(canceled.params.message, '사용자에 의해 결제가 취소되었습니다.');
    assert.equal(canceled.params.orderId, orderId);
  });

  test('the window refuses a checkout without an amount or with a non-integer amount', async () => {
    const missing = await fetch(
      `${running.url}/sandbox/toss/checkout?orderId=${newOrderId()}&orderName=x&successUrl=https://a.example/s&failUrl=https://a.example/f`,
    );
    assert.equal(missing.status, 400);
    const fractional = await fetch(checkoutUrl(newOrderId(), 0).replace('amount=0', 'amount=10.5'));
    assert.equal(fractional.status, 400);
  });

  test('Basic auth: a wrong secret key gets 401 UNAUTHORIZED_KEY, a header without the colon gets INCORRECT_BASIC_AUTH_FORMAT', async () => {
    const wrong = await fetch(`${running.url}/toss/v1/payments/orders/whatever-1`, {
      headers: { authorization: basic('test_sk_wrong:') },
    });
    assert.equal(wrong.status, 401);
    assert.deepEqual(await wrong.json(), {
      code: 'UNAUTHORIZED_KEY',
      message: '인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다.',
    });
    const noColon = await fetch(`${running.url}/toss/v1/payments/orders/whatever-1`, {
      headers: { authorization: basic(SECRET) },
    });
    assert.equal(noColon.status, 400);
    assert.equal(((await noColon.json()) as { code: string }).code, 'INCORRECT_BASIC_AUTH_FORMAT');
  });

  test('confirm, then the same Idempotency-Key replays the first answer without a second approval', async () => {
    const orderId = newOrderId();
    const { params } = await useTossWindow(checkoutUrl(orderId, 5_000), 'approve');
    const body = { paymentKey: params.paymentKey, orderId, amount: 5_000 };
    const first = await toss('/v1/payments/confirm', {
      method: 'POST',
      body,
      headers: { 'idempotency-key': `confirm:${orderId}:1` },
    });
    assert.equal(first.status, 200);
    const firstBody = (await first.json()) as {
      status: string;
      lastTransactionKey: string;
      approvedAt: string;
    };
    assert.equal(firstBody.status, 'DONE');
    assert.match(firstBody.approvedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$/);
    const replay = await toss('/v1/payments/confirm', {
      method: 'POST',
      body,
      headers: { 'idempotency-key': `confirm:${orderId}:1` },
    });
    assert.equal(replay.status, 200);
    assert.deepEqual(await replay.json(), firstBody);
    const again = await toss('/v1/payments/confirm', {
      method: 'POST',
      body,
      headers: { 'idempotency-key': `confirm:${orderId}:2` },
    });
    assert.equal(again.status, 400);
    assert.equal(((await again.json()) as { code: string }).code, 'ALREADY_PROCESSED_PAYMENT');
  });

  test('a duplicate request while the first with the same key is in flight gets 409 IDEMPOTENT_REQUEST_PROCESSING', async () => {
    const orderId = newOrderId();
    const { params } = await useTossWindow(checkoutUrl(orderId, 5_000), 'approve');
    await fetch(`${running.url}/__sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ pg: 'toss', timeout: { hangMs: 400 } }),
    });
    const body = { paymentKey: params.paymentKey, orderId, amount: 5_000 };
    const headers = { 'idempotency-key': `confirm:${orderId}:1` };
    const slow = toss('/v1/payments/confirm', { method: 'POST', body, headers });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const duplicate = await toss('/v1/payments/confirm', { method: 'POST', body, headers });
    assert.equal(duplicate.status, 409);
    assert.equal(((await duplicate.json()) as { code: string }).code, 'IDEMPOTENT_REQUEST_PROCESSING');
    assert.equal((await slow).status, 200);
  });

  test('TossPayments-Test-Code forces the documented error with its HTTP status', async () => {
    const response = await toss('/v1/payments/confirm', {
      method: 'POST',
      body: { paymentKey: 'x', orderId: 'order-x1', amount: 1000 },
      headers: { 'tosspayments-test-code': 'REJECT_CARD_PAYMENT' },
    });
    assert.equal(response.status, 403);
    assert.equal(((await response.json()) as { code: string }).code, 'REJECT_CARD_PAYMENT');
  });

  test('look-up by an unknown orderId is 404 NOT_FOUND_PAYMENT; unknown fault knobs are refused', async () => {
    const response = await toss(`/v1/payments/orders/${newOrderId()}`);
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as { code: string }).code, 'NOT_FOUND_PAYMENT');
    const bad = await fetch(`${running.url}/__sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ explode: true }),
    });
    assert.equal(bad.status, 400);
  });

  test('GET /__sim/payments reads the payments out and /reset forgets them', async () => {
    const orderId = newOrderId();
    await useTossWindow(checkoutUrl(orderId), 'approve');
    const listed = (await (await fetch(`${running.url}/__sim/payments`)).json()) as {
      toss: Array<{ orderId: string }>;
    };
    assert.deepEqual(
      listed.toss.map((p) => p.orderId),
      [orderId],
    );
    await fetch(`${running.url}/reset`, { method: 'POST' });
    const after = (await (await fetch(`${running.url}/__sim/payments`)).json()) as { toss: unknown[] };
    assert.equal(after.toss.length, 0);
  });
});
