import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DomainError } from '../shared/domain-error';
import { NOTIFICATION_TEMPLATES, type NotificationTemplate } from './notification-templates';
import { escapeHtml, placeholdersOf, renderTemplate } from './render-template';
import { eucKrByteLength } from './sms-length';
import { formatSeoulDateTime, formatWon, renderCsv } from './notification-format';

const sampleValue = (name: string) => `${name}값`;
const allVariables = (template: NotificationTemplate) =>
  Object.fromEntries(template.variables.map((name) => [name, sampleValue(name)]));
const textsOf = (t: NotificationTemplate) =>
  [
    t.alimtalk?.text,
    t.sms?.text,
    t.sms?.title,
    t.email?.subject,
    t.email?.html,
    t.email?.text,
    t.email?.attachment?.filename,
  ].filter((s): s is string => !!s);

describe('notification templates', () => {
  test('the catalogue covers every notification the shop sends', () => {
    assert.deepEqual([...NOTIFICATION_TEMPLATES.keys()].sort(), [
      'CHAT_REPLY_REMINDER',
      'EXCHANGE_APPROVED',
      'EXCHANGE_REJECTED',
      'EXCHANGE_RESHIPPED',
      'ORDER_AUTO_CANCELLED',
      'ORDER_CANCELLED',
      'ORDER_DELIVERED',
      'ORDER_PLACED',
      'ORDER_SHIPPED',
      'PAYMENT_COMPLETED',
      'PAYMENT_FAILED',
      'PURCHASE_AUTO_CONFIRMED',
      'REFUND_COMPLETED',
      'RESTOCK_OFFER',
      'RETURN_APPROVED',
      'SELLER_DAILY_DIGEST',
      'SELLER_EXCHANGE_REQUESTED',
      'SELLER_LOW_STOCK',
      'SELLER_NEW_ORDER',
      'SELLER_ORDER_CANCELLED',
      'SELLER_RETURN_REQUESTED',
      'SETTLEMENT_STATEMENT',
      'SIGNUP_ATTEMPTED',
    ]);
  });

  for (const template of NOTIFICATION_TEMPLATES.values()) {
    test(`${template.code}: declares exactly the placeholders it uses and renders every one`, () => {
      const used = new Set(textsOf(template).flatMap(placeholdersOf));
      assert.deepEqual([...used].sort(), [...template.variables].sort());

      const rendered = renderTemplate(template.code, allVariables(template));
      const outputs = [
        rendered.alimtalk?.text,
        rendered.sms?.body,
        rendered.email?.subject,
        rendered.email?.html,
        rendered.email?.text,
        rendered.email?.attachment?.filename,
      ].filter((s): s is string => !!s);
      for (const output of outputs)
        assert.doesNotMatch(output, /#\{/, `unfilled placeholder in ${template.code}`);
      const joined = outputs.join('\n');
      for (const name of template.variables)
        assert.ok(joined.includes(sampleValue(name)), `${template.code} never shows ${name}`);
    });

    test(`${template.code}: fails naming a missing variable`, () => {
      const missing = template.variables[template.variables.length - 1]!;
      const variables = allVariables(template);
      delete variables[missing];
      assert.throws(
        () => renderTemplate(template.code, variables),
        (error: unknown) =>
          error instanceof DomainError &&
          error.code === 'NOTIFICATION_TEMPLATE_VARIABLE_MISSING' &&
          error.message.includes(`"${missing}"`) &&
          error.details.variable === missing,
      );
    });
  }

  test('AlimTalk template codes fit NHN (≤ 20 characters) and AlimTalk parameters are exactly its placeholders', () => {
    for (const template of NOTIFICATION_TEMPLATES.values()) {
      if (!template.alimtalk) continue;
      assert.ok(template.alimtalk.templateCode.length <= 20, template.alimtalk.templateCode);
      const rendered = renderTemplate(template.code, allVariables(template));
      assert.deepEqual(
        Object.keys(rendered.alimtalk!.parameters).sort(),
        placeholdersOf(template.alimtalk.text).sort(),
      );
    }
  });

  test('consumer templates all have AlimTalk and an SMS fallback; the statement is an email with a CSV attachment', () => {
    for (const template of NOTIFICATION_TEMPLATES.values()) {
      if (template.audience === 'CONSUMER') assert.ok(template.alimtalk && template.sms, template.code);
    }
    const statement = renderTemplate('SETTLEMENT_STATEMENT', {
      판매자명: '행복상회',
      정산주차: '2024-W47',
      정산기간: '2024-11-18 ~ 2024-11-24',
      총판매금액: formatWon(1_250_000),
      수수료: formatWon(62_500),
      환불금액: formatWon(0),
      정산금액: formatWon(1_187_500),
      지급예정일: '2024-11-25',
    });
    assert.equal(statement.alimtalk, undefined);
    assert.equal(statement.email?.subject, '[장터] 2024-W47 주간 정산 내역서');
    assert.deepEqual(statement.email?.attachment, {
      filename: 'jangteo-settlement-2024-W47.csv',
      contentType: 'text/csv; charset=utf-8',
    });
    assert.ok(statement.email?.text.includes('정산금액: 1,187,500원'));
  });

  test('shipped notice shows courier and invoice number; short fallback goes as SMS, long as LMS with a title', () => {
    const shipped = renderTemplate('ORDER_SHIPPED', {
      고객명: '김민지',
      주문번호: 'JT-1001',
      상품명: '무선 키보드',
      택배사: 'CJ대한통운',
      송장번호: '123456789012',
    });
    assert.ok(shipped.alimtalk!.text.includes('택배사: CJ대한통운\n송장번호: 123456789012'));
    assert.equal(shipped.sms!.type, 'SMS');
    assert.ok(eucKrByteLength(shipped.sms!.body) <= 90);

    const failed = renderTemplate('PAYMENT_FAILED', {
      고객명: '김민지',
      주문번호: 'JT-1001',
      결제금액: '39,000원',
      실패사유: '카드 한도가 초과되어 승인이 거절되었습니다. 다른 결제수단을 이용해 주세요.',
    });
    assert.equal(failed.sms!.type, 'LMS');
    assert.equal(failed.sms!.title, '[장터] 결제 실패');
  });

  test('variables are HTML-escaped in email HTML only', () => {
    const rendered = renderTemplate('PAYMENT_COMPLETED', {
      고객명: '<script>alert("x")</script>',
      주문번호: 'JT-1',
      상품명: 'Tom & Jerry',
      결제금액: '1,000원',
      결제수단: '카드',
      결제일시: '2024-11-24 13:30',
    });
    assert.ok(rendered.email!.html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
    assert.ok(rendered.email!.html.includes('Tom &amp; Jerry'));
    assert.ok(!rendered.email!.html.includes('<script>'));
    assert.ok(rendered.email!.text.includes('<script>alert("x")</script>'));
    assert.ok(rendered.alimtalk!.text.includes('Tom & Jerry'));
    assert.equal(escapeHtml(`'`), '&#39;');
  });

  test('a value that looks like a placeholder is not substituted again', () => {
    const rendered = renderTemplate('ORDER_CANCELLED', {
      고객명: '#{주문번호}',
      주문번호: 'JT-9',
      상품명: '컵',
      취소사유: '단순 변심',
    });
    assert.ok(rendered.alimtalk!.text.includes('#{주문번호}님'));
  });

  test('unknown template code is a clear error', () => {
    assert.throws(
      () => renderTemplate('NOPE', {}),
      (e: unknown) => e instanceof DomainError && e.code === 'NOTIFICATION_TEMPLATE_UNKNOWN',
    );
  });

  test('formatting helpers: won, Seoul time, Excel-safe CSV', () => {
    assert.equal(formatWon(1234567), '1,234,567원');
    assert.equal(formatWon(0), '0원');
    assert.equal(formatWon(-5000), '-5,000원');
    assert.equal(formatSeoulDateTime(new Date('2024-11-24T15:30:00Z')), '2024-11-25 00:30');
    const csv = renderCsv([
      ['주문번호', '상품명', '금액'],
      ['JT-1', '=HYPERLINK("x")', 12000],
      ['JT-2', '컵, "머그"', -3000],
    ]);
    assert.ok(csv.startsWith('\uFEFF주문번호,상품명,금액\r\n'));
    assert.ok(csv.includes(`JT-1,"'=HYPERLINK(""x"")",12000\r\n`));
    assert.ok(csv.includes('JT-2,"컵, ""머그""",-3000\r\n'));
  });
});
