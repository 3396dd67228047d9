import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { uuidv7 } from '../../platform/ids';
import { openPaymentSandbox, type PaymentSandbox } from '../support/payment-sandbox';
import { dumpDatabase } from '../support/database-dump';
import { createTimeSkippingEnvironment } from '../support/temporal';

/**
 * The sandbox window's domestic test card is 4330-12**-****-123* (Toss's test mode approves any
 * real-looking number; docs/vendors/toss.md lists no fixed one): the buyer types the full number into the
 * PG's window and the shop must never hold it.
 */
const TEST_CARD = '4330123456781234';

describe('card data never reaches the database', () => {
  let env: TestWorkflowEnvironment;
  let sandbox: PaymentSandbox;
  const orderId = uuidv7();

  before(async () => {
    env = await createTimeSkippingEnvironment();
    sandbox = await openPaymentSandbox(env);
  });

  after(async () => {
    await sandbox?.app.dataSource.query('DELETE FROM payments WHERE order_id = ?', [orderId]);
    await sandbox?.app.dataSource.query('DELETE FROM payment_events WHERE order_id = ?', [orderId]);
    await sandbox?.close();
    await env?.teardown();
  });

  test('after a card payment in the sandbox, a mysqldump of the database holds the PG ids but not the card number', async () => {
    const { result, pgReturn } = await sandbox.payFirstAttempt(orderId, 47_000, {
      cardNumber: TEST_CARD,
      cardExpiry: '12/30',
      cardCvc: '123',
    });
    assert.equal(result.status, 'PAID');

    const dump = await dumpDatabase();

    assert.ok(dump.includes(pgReturn.token), 'the dump covers the payment row (PG transaction id)');
    assert.ok(dump.includes('43301234****123*'), "the PG's masked number is kept, as Toss returns it");
    for (const form of [TEST_CARD, '4330-1234-5678-1234', '4330 1234 5678 1234', '56781234']) {
      assert.ok(!dump.includes(form), `the card number (${form}) appears nowhere`);
    }
    // A card number stands alone: the PGs' own ids (Kakao Pay's tid, NHN's request ids) are longer
    // runs of random digits that may hold "4330" and twelve more by chance.
    assert.doesNotMatch(dump, /(?<!\d)4330\d{12}(?!\d)/);
  });
});
