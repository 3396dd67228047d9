import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { paymentResultPage } from '../ordering/payment-result-page';
import { statusByCode } from '../problem-codes';
import { koMessages } from './ko';
import { preferredLanguage } from './language';
import { renderDetail } from './render';
import { issueText } from './validation';

const HANGUL = /[\uac00-\ud7a3]/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('problem texts for people', () => {
  test('every code in problem-codes.ts has a Korean message', () => {
    const missing = Object.keys(statusByCode).filter((code) => !(code in koMessages));
    assert.deepEqual(
      missing,
      [],
      `codes without a Korean message in api/messages/ko.ts: ${missing.join(', ')}`,
    );
    for (const code of Object.keys(statusByCode)) {
      const text = renderDetail('ko', {
        status: statusByCode[code]!,
        code,
        detail: 'English',
        extensions: {},
      });
      assert.match(text ?? '', HANGUL, code);
    }
  });

  test('Korean by default, English when the client prefers it', () => {
    assert.equal(preferredLanguage(undefined), 'ko');
    assert.equal(preferredLanguage('fr-FR, de;q=0.8'), 'ko');
    assert.equal(preferredLanguage('en'), 'en');
    assert.equal(preferredLanguage('en-US,en;q=0.9'), 'en');
    assert.equal(preferredLanguage('ko-KR,ko;q=0.9,en-US;q=0.8'), 'ko');
    assert.equal(preferredLanguage('ko;q=0.5, en;q=0.9'), 'en');
    assert.equal(preferredLanguage('en;q=0'), 'ko');
  });

  test('English keeps the thrown text; an already Korean detail stays; an unknown code gets its status sentence', () => {
    const problem = { status: 404, code: 'ORDER_NOT_FOUND', detail: 'No order x', extensions: {} };
    assert.equal(renderDetail('en', problem), 'No order x');
    assert.equal(renderDetail('ko', problem), '주문을 찾을 수 없습니다.');
    assert.equal(
      renderDetail('ko', {
        status: 429,
        code: 'RATE_LIMITED',
        detail: '회원가입 요청이 너무 많습니다.',
        extensions: {},
      }),
      '회원가입 요청이 너무 많습니다.',
    );
    assert.equal(
      renderDetail('ko', { status: 409, code: 'SOMETHING_NEW', detail: 'x', extensions: {} }),
      '현재 상태에서는 요청을 처리할 수 없습니다.',
    );
  });

  test('OUT_OF_STOCK names the product and option, never the variant id', () => {
    const variantId = '0192f3a4-1b2c-7d3e-8f40-123456789abc';
    const text = renderDetail('ko', {
      status: 409,
      code: 'OUT_OF_STOCK',
      extensions: {
        variants: [{ variantId, requested: 1, available: 0 }],
        products: [{ variantId, productName: '면 티셔츠', options: { 색상: '빨강', 사이즈: 'M' } }],
      },
    })!;
    assert.equal(
      text,
      '재고가 부족합니다. 면 티셔츠 (색상: 빨강, 사이즈: M): 1개를 요청했지만 재고가 없습니다',
    );
    assert.doesNotMatch(text, UUID);
  });

  test('validation issues in plain words, Korean and English', () => {
    const min = {
      code: 'too_small',
      path: ['items', 0, 'quantity'],
      origin: 'number',
      minimum: 1,
      inclusive: true,
      message: 'Too small: expected number to be >=1',
    };
    assert.equal(issueText('ko', min), '1 이상이어야 합니다');
    assert.equal(issueText('en', min), 'must be at least 1');
    const long = {
      code: 'too_big',
      path: ['name'],
      origin: 'string',
      maximum: 100,
      inclusive: true,
      message: 'Too big: expected string to have <=100 characters',
    };
    assert.equal(issueText('ko', long), '100자 이하여야 합니다');
    const missing = {
      code: 'invalid_type',
      path: ['email'],
      expected: 'string',
      message: 'Invalid input: expected string, received undefined',
    };
    assert.equal(issueText('ko', missing), '필수 항목입니다');
    assert.equal(issueText('en', missing), 'is required');
    const email = {
      code: 'invalid_format',
      path: ['email'],
      format: 'email',
      message: 'Invalid email address',
    };
    assert.equal(issueText('ko', email), '올바른 이메일 주소가 아닙니다');
    const regex = {
      code: 'invalid_format',
      path: ['zip'],
      format: 'regex',
      message: 'Invalid string: must match pattern /^\\d{5}$/',
    };
    assert.equal(issueText('ko', regex), '형식이 올바르지 않습니다');
    const choice = {
      code: 'invalid_value',
      path: ['courier'],
      values: ['CJ', 'HANJIN'],
      message: 'Invalid option: expected one of "CJ"|"HANJIN"',
    };
    assert.equal(issueText('ko', choice), '다음 중 하나여야 합니다: CJ, HANJIN');
    const own = { code: 'custom', path: ['businessNumber'], message: 'check digit does not match' };
    assert.equal(issueText('en', own), 'check digit does not match');
    assert.equal(issueText('ko', own), '값이 올바르지 않습니다');
  });

  test('the payment result page of a cancelled or expired order does not offer to pay again', () => {
    const closed = paymentResultPage({ status: 'CLOSED', orderId: 'x', orderNumber: 'JT20261206-12345678' });
    assert.match(closed, /결제할 수 없는 주문입니다/);
    assert.doesNotMatch(closed, /다시 결제하실 수 있습니다/);
    assert.match(closed, /주문번호: <code>JT20261206-12345678<\/code>/);
    assert.doesNotMatch(
      closed.replace(/data-order-id="[^"]*"/, ''),
      />x</,
      'the order id is not shown to people',
    );
    assert.match(paymentResultPage({ status: 'FAILED' }), /다시 결제하실 수 있습니다/);
  });
});
