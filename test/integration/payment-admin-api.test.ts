import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TypeOrmDeadLetterRepository } from '../../persistence/dead-letter/typeorm-dead-letter.repository';
import { TypeOrmPointsLedger } from '../../persistence/payment/typeorm-points.ledger';
import { uuidv7 } from '../../platform/ids';
import { createAdmin, signUpConsumer, type TestAccount } from '../support/identity';
import { createTestApp, type TestApp } from '../support/test-app';

describe('points and dead letters over HTTP', () => {
  let app: TestApp;
  let admin: TestAccount;
  let consumer: TestAccount;
  const letters: string[] = [];

  before(async () => {
    app = await createTestApp();
    admin = await createAdmin(app);
    consumer = await signUpConsumer(app);
  });

  after(async () => {
    for (const id of letters) await app.dataSource.query('DELETE FROM dead_letters WHERE id = ?', [id]);
    await app.dataSource.query('DELETE FROM points_ledger WHERE user_id = ?', [consumer.id]);
    await app.dataSource.query('DELETE FROM points_holds WHERE user_id = ?', [consumer.id]);
    await app.dataSource.query('DELETE FROM points_lots WHERE user_id = ?', [consumer.id]);
    await app.dataSource.query('DELETE FROM points_accounts WHERE user_id = ?', [consumer.id]);
    await app.close();
  });

  test('GET /me/points shows the balance, what unpaid orders hold, and the ledger newest first', async () => {
    const ledger = new TypeOrmPointsLedger({
      dataSource: app.dataSource,
      newId: uuidv7,
      now: () => new Date(),
    });
    await ledger.earn(consumer.id, 5_000, 'event:signup');
    await ledger.earn(consumer.id, 5_000, 'event:signup');
    const orderId = uuidv7();
    await ledger.hold(consumer.id, orderId, 1_500);
    await ledger.hold(consumer.id, orderId, 1_500);
    const response = await app.request('/api/v1/me/points?size=10', { headers: consumer.auth });
    assert.equal(response.status, 200);
    const body = (await response.json()) as {
      available: number;
      held: number;
      entries: Array<{ type: string; amount: number; orderId: string | null }>;
    };
    assert.equal(body.available, 3_500);
    assert.equal(body.held, 1_500);
    assert.deepEqual(
      body.entries.map((e) => [e.type, e.amount]),
      [
        ['HOLD', 1_500],
        ['EARN', 5_000],
      ],
      'repeated operations were applied once',
    );
    assert.equal((await app.request('/api/v1/me/points')).status, 401);
  });

  test('the database refuses a negative balance even if code tried', async () => {
    await assert.rejects(
      app.dataSource.query('UPDATE points_accounts SET available = -1 WHERE user_id = ?', [consumer.id]),
      /CONSTRAINT `ck_points_accounts_available` failed/,
    );
  });

  test('admins list dead letters by kind and status, and resolve one with a note; others may not', async () => {
    const repo = new TypeOrmDeadLetterRepository(app.dataSource);
    const id = uuidv7();
    letters.push(id);
    await repo.record({
      id,
      kind: 'job',
      reference: `job:${id}`,
      status: 'OPEN',
      input: { jobId: id },
      lastError: { code: 'X', message: 'boom' },
      attempts: 3,
      createdAt: new Date(),
    });

    assert.equal((await app.request('/api/v1/admin/dead-letters', { headers: consumer.auth })).status, 403);
    const listed = await app.request('/api/v1/admin/dead-letters?kind=job&status=OPEN&size=100', {
      headers: admin.auth,
    });
    assert.equal(listed.status, 200);
    const page = (await listed.json()) as { items: Array<{ id: string }>; total: number; page: number };
    assert.ok(page.items.some((l) => l.id === id));
    assert.equal(page.page, 1);

    assert.equal(
      (await app.request(`/api/v1/admin/dead-letters/${id}/retry`, { method: 'POST', headers: admin.auth }))
        .status,
      422,
      'jobs are retried by their own context',
    );
    const resolved = await app.request(`/api/v1/admin/dead-letters/${id}/resolve`, {
      method: 'POST',
      headers: admin.auth,
      body: { note: '수동 처리 완료' },
    });
    assert.equal(resolved.status, 200);
    const body = (await resolved.json()) as { status: string; resolvedBy: string; note: string };
    assert.deepEqual([body.status, body.resolvedBy, body.note], ['RESOLVED', admin.id, '수동 처리 완료']);
    assert.equal(
      (
        await app.request(`/api/v1/admin/dead-letters/${id}/resolve`, {
          method: 'POST',
          headers: admin.auth,
          body: { note: '수동 처리 완료' },
        })
      ).status,
      200,
      'repeating it is harmless',
    );
    assert.equal(
      (
        await app.request(`/api/v1/admin/dead-letters/${id}/resolve`, {
          method: 'POST',
          headers: admin.auth,
          body: { note: '다른 메모' },
        })
      ).status,
      409,
    );
    assert.equal(
      (
        await app.request(`/api/v1/admin/dead-letters/${uuidv7()}/resolve`, {
          method: 'POST',
          headers: admin.auth,
          body: { note: 'x' },
        })
      ).status,
      404,
    );
    assert.equal(
      (
        await app.request(`/api/v1/admin/dead-letters/${id}/resolve`, {
          method: 'POST',
          headers: admin.auth,
          body: {},
        })
      ).status,
      400,
    );
  });
});
