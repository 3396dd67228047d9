import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { courierByTrackerCode, COURIERS } from './courier';
import { hasValidCheckDigit, normaliseInvoice } from './invoice';

describe('normaliseInvoice', () => {
  test('strips spaces and hyphens and keeps the digits, without warnings for a well-formed number', () => {
    assert.deepEqual(normaliseInvoice({ courier: 'CJ', invoiceNumber: ' 1234-5678-9013 ' }), {
      ok: true,
      value: { courier: 'CJ', invoiceNumber: '123456789013', warnings: [] },
    });
    assert.deepEqual(normaliseInvoice({ courier: 'hanjin', invoiceNumber: '630 123 4567' }), {
      ok: true,
      value: { courier: 'HANJIN', invoiceNumber: '6301234567', warnings: [] },
    });
  });

  test('a 12-digit number whose check digit does not match is accepted with a warning', () => {
    const result = normaliseInvoice({ courier: 'CJ', invoiceNumber: '123456789010' });
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.equal(result.value.invoiceNumber, '123456789010');
    assert.equal(result.value.warnings.length, 1);
    assert.match(result.value.warnings[0]!, /check digit/);
  });

  test('per-courier lengths: CJ and Hanjin 10 or 12, Lotte 12 (10–13 accepted with a warning)', () => {
    assert.equal(normaliseInvoice({ courier: 'CJ', invoiceNumber: '12345678901' }).ok, false);
    assert.equal(normaliseInvoice({ courier: 'HANJIN', invoiceNumber: '1234567890123' }).ok, false);
    assert.equal(normaliseInvoice({ courier: 'LOTTE', invoiceNumber: '123456789' }).ok, false);
    assert.equal(normaliseInvoice({ courier: 'LOTTE', invoiceNumber: '12345678901234' }).ok, false);
    const lotte = normaliseInvoice({ courier: 'LOTTE', invoiceNumber: '50000000001-0' });
    assert.deepEqual(lotte, {
      ok: true,
      value: { courier: 'LOTTE', invoiceNumber: '500000000010', warnings: [] },
    });
    const shortLotte = normaliseInvoice({ courier: 'LOTTE', invoiceNumber: '1234567890' });
    assert.equal(shortLotte.ok, true);
    if (shortLotte.ok) assert.match(shortLotte.value.warnings.join(), /usually 12 digits/);
    const cjWrongLength = normaliseInvoice({ courier: 'CJ', invoiceNumber: '12345678901' });
    assert.deepEqual(cjWrongLength, {
      ok: false,
      errors: [{ field: 'invoiceNumber', message: 'must be 10 or 12 digits for CJ대한통운, got 11' }],
    });
  });

  test('names every wrong field: unknown courier, letters, missing or non-string invoice', () => {
    assert.deepEqual(normaliseInvoice({ courier: 'EPOST', invoiceNumber: '12AB5678' }), {
      ok: false,
      errors: [
        { field: 'courier', message: 'must be one of CJ, LOTTE, HANJIN' },
        { field: 'invoiceNumber', message: 'must contain only digits (spaces and hyphens are ignored)' },
      ],
    });
    for (const invoiceNumber of [undefined, '', '  ', 123456789013, null]) {
      const result = normaliseInvoice({ courier: 'CJ', invoiceNumber });
      assert.equal(result.ok, false);
      if (!result.ok)
        assert.deepEqual(
          result.errors.map((e) => e.field),
          ['invoiceNumber'],
        );
    }
    const noCourier = normaliseInvoice({ courier: 4, invoiceNumber: '1234567890' });
    assert.equal(noCourier.ok, false);
    if (!noCourier.ok)
      assert.deepEqual(
        noCourier.errors.map((e) => e.field),
        ['courier'],
      );
  });
});

describe('couriers', () => {
  test('map to the tracker codes CJ 04, LOTTE 08, HANJIN 05 and back', () => {
    assert.deepEqual(
      Object.values(COURIERS).map((c) => [c.name, c.trackerCode]),
      [
        ['CJ', '04'],
        ['LOTTE', '08'],
        ['HANJIN', '05'],
      ],
    );
    assert.equal(courierByTrackerCode('08')?.name, 'LOTTE');
    assert.equal(courierByTrackerCode('01'), undefined);
  });

  test('the check digit is the first eleven digits modulo 7', () => {
    assert.equal(hasValidCheckDigit('123456789013'), true);
    assert.equal(hasValidCheckDigit('123456789014'), false);
    assert.equal(hasValidCheckDigit('1234567890'), false);
  });
});
