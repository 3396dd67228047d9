import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskEmail, maskPhone, maskRecipient } from './recipient-masking';

test('phone numbers keep the prefix and the last four digits', () => {
  assert.equal(maskPhone('01012345678'), '010-****-5678');
  assert.equal(maskPhone('010-1234-5678'), '010-****-5678');
  assert.equal(maskPhone('+82 10-1234-5678'), '010-****-5678');
  assert.equal(maskPhone('0111234567'), '011-****-4567');
  assert.equal(maskPhone('0212345678'), '02-****-5678');
  assert.equal(maskPhone('15881234'), '****1234');
  assert.equal(maskPhone('123'), '****');
});

test('email addresses keep the first character and the domain', () => {
  assert.equal(maskEmail('alice@example.com'), 'a***@example.com');
  assert.equal(maskEmail('b@Example.COM'), 'b***@example.com');
  assert.equal(maskEmail('not-an-email'), '***');
  assert.equal(maskEmail('@example.com'), '***');
});

test('maskRecipient picks the rule by the shape of the recipient', () => {
  assert.equal(maskRecipient('seller@jangteo.kr'), 's***@jangteo.kr');
  assert.equal(maskRecipient('01098765432'), '010-****-5432');
});

test('masked output never contains the middle digits or the local part', () => {
  assert.ok(!maskPhone('01012345678').includes('1234'));
  assert.ok(!maskEmail('secretname@example.com').includes('secretname'));
});
