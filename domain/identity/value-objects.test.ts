import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DomainError } from '../shared/domain-error';
import { BusinessNumber } from './business-number';
import { Email, maskEmail } from './email';
import { Password } from './password-policy';
import { PhoneNumber } from './phone-number';

function fieldError(fn: () => unknown): { field: string; message: string } {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof DomainError);
    assert.equal(error.code, 'VALIDATION_FAILED');
    return (error.details.errors as { field: string; message: string }[])[0]!;
  }
  assert.fail('expected a validation error');
}

describe('Email', () => {
  test('is trimmed and lower-cased so look-ups match however it was typed', () => {
    assert.equal(Email.create('  Minji.Kim@Example.COM ').value, 'minji.kim@example.com');
  });

  test('rejects malformed addresses, naming the field', () => {
    for (const bad of [
      '',
      'no-at-sign',
      'a@b',
      'a b@example.com',
      '@example.com',
      'kim@exa mple.com',
      `${'x'.repeat(65)}@example.com`,
    ]) {
      assert.equal(fieldError(() => Email.create(bad, 'body.email')).field, 'body.email', bad);
    }
  });

  test('masks for logs', () => {
    assert.equal(maskEmail('minji.kim@example.com'), 'm***@example.com');
  });
});

describe('PhoneNumber (Korean)', () => {
  test('normalises mobile and landline spellings to digits', () => {
    assert.equal(PhoneNumber.create('010-1234-5678').value, '01012345678');
    assert.equal(PhoneNumber.create('+82 10 1234 5678').value, '01012345678');
    assert.equal(PhoneNumber.create('(02) 312-4567').value, '023124567');
    assert.equal(PhoneNumber.create('031.987.6543').value, '0319876543');
    assert.equal(PhoneNumber.create('070-1234-5678').value, '07012345678');
    assert.equal(PhoneNumber.create('1588-1234').value, '15881234');
  });

  test('formats and masks', () => {
    assert.equal(PhoneNumber.create('01012345678').formatted(), '010-1234-5678');
    assert.equal(PhoneNumber.create('0231235678').formatted(), '02-3123-5678');
    assert.equal(PhoneNumber.create('023124567').formatted(), '02-312-4567');
    assert.equal(PhoneNumber.create('01012345678').masked(), '010-****-5678');
    assert.equal(PhoneNumber.create('01012345678').isMobile, true);
  });

  test('rejects what is not a Korean number', () => {
    for (const bad of [
      '12345',
      '010-123-456',
      '02-123-4567',
      '+1 415 555 0100',
      '010-1234-56789',
      'phone',
      '099-123-4567',
    ]) {
      assert.equal(fieldError(() => PhoneNumber.create(bad)).field, 'phone', bad);
    }
  });
});

describe('BusinessNumber (사업자등록번호)', () => {
  test('accepts published numbers whose check digit holds, with or without hyphens', () => {
    for (const valid of ['220-81-62517', '124-81-00998', '120-81-47521', '1208800767']) {
      assert.equal(BusinessNumber.create(valid).value, valid.replaceAll('-', ''));
    }
    assert.equal(BusinessNumber.create('2208162517').formatted(), '220-81-62517');
  });

  test('rejects a wrong check digit and wrong lengths', () => {
    assert.match(fieldError(() => BusinessNumber.create('220-81-62518')).message, /check digit/);
    assert.match(fieldError(() => BusinessNumber.create('214-87-02106')).message, /check digit/);
    assert.match(fieldError(() => BusinessNumber.create('220-81-6251')).message, /10 digits/);
    assert.match(fieldError(() => BusinessNumber.create('22a-81-62517')).message, /10 digits/);
  });

  test('the 9th digit’s tens count: a number that only passes with that rule', () => {
    // 9th digit 8: 8*5 = 40 adds 4 to the sum; without it the check digit would differ.
    assert.equal(BusinessNumber.create('2208162517').value, '2208162517');
  });
});

describe('Password policy', () => {
  test('accepts a long mixed password', () => {
    assert.equal(Password.create('Correct-Horse-42').plaintext, 'Correct-Horse-42');
  });

  test('rejects weak passwords with a reason', () => {
    assert.match(fieldError(() => Password.create('Short1!')).message, /at least 10/);
    assert.match(fieldError(() => Password.create('alllowercaseletters')).message, /three of/);
    assert.match(fieldError(() => Password.create('Aaaaa1234567!')).message, /repeat/);
    assert.match(fieldError(() => Password.create('Password123')).message, /too common/);
    assert.match(
      fieldError(() => Password.create('Minjikim-2024', { email: 'minjikim@example.com' })).message,
      /email/,
    );
  });

  test('never prints the plaintext', () => {
    const password = Password.create('Correct-Horse-42');
    assert.equal(String(password), '[password]');
    assert.equal(JSON.stringify({ password }), '{"password":"[password]"}');
  });
});
