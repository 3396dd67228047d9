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

  test('우체국 13 digits, 로젠 11, 경동 and 대신 10–14 (no known rule); no folklore check digit for them', () => {
    assert.deepEqual(normaliseInvoice({ courier: 'epost', invoiceNumber: '6012-3456-78901' }), {
      ok: true,
      value: { courier: 'EPOST', invoiceNumber: '6012345678901', warnings: [] },
    });
    assert.deepEqual(normaliseInvoice({ courier: 'EPOST', invoiceNumber: '123456789012' }), {
      ok: false,
      errors: [{ field: 'invoiceNumber', message: 'must be 13 digits for 우체국택배, got 12' }],
    });
    assert.deepEqual(normaliseInvoice({ courier: 'LOGEN', invoiceNumber: '123 4567 8901' }), {
      ok: true,
      value: { courier: 'LOGEN', invoiceNumber: '12345678901', warnings: [] },
    });
    assert.equal(normaliseInvoice({ courier: 'LOGEN', invoiceNumber: '1234567890' }).ok, false);
    for (const courier of ['KDEXP', 'DAESIN'] as const) {
      // 123456789010 fails the mod-7 folklore: only CJ, 롯데 and 한진 numbers are warned about it.
      assert.deepEqual(normaliseInvoice({ courier, invoiceNumber: '123456789010' }), {
        ok: true,
        value: { courier, invoiceNumber: '123456789010', warnings: [] },
      });
      assert.equal(normaliseInvoice({ courier, invoiceNumber: '123456789' }).ok, false);
      assert.equal(normaliseInvoice({ courier, invoiceNumber: '123456789012345' }).ok, false);
    }
    assert.equal(COURIERS.KDEXP.label, '경동택배');
    assert.equal(COURIERS.DAESIN.label, '대신택배');
  });

  test('names every wrong field: unknown courier, letters, missing or non-string invoice', () => {
    assert.deepEqual(normaliseInvoice({ courier: 'POST', invoiceNumber: '12AB5678' }), {
      ok: false,
      errors: [
        { field: 'courier', message: 'must be one of CJ, LOTTE, HANJIN, EPOST, LOGEN, KDEXP, DAESIN' },
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
  test('map to their SweetTracker codes (docs/vendors/sweettracker.md) and back', () => {
    assert.deepEqual(
      Object.values(COURIERS).map((c) => [c.name, c.trackerCode]),
      [
        ['CJ', '04'],
        ['LOTTE', '08'],
        ['HANJIN', '05'],
        ['EPOST', '01'],
        ['LOGEN', '06'],
        ['KDEXP', '23'],
        ['DAESIN', '22'],
      ],
    );
    assert.equal(courierByTrackerCode('08')?.name, 'LOTTE');
    assert.equal(courierByTrackerCode('01')?.name, 'EPOST');
    assert.equal(courierByTrackerCode('11'), undefined, '일양로지스: not offered');
  });

  test('the check digit is the first eleven digits modulo 7', () => {
    assert.equal(hasValidCheckDigit('123456789013'), true);
    assert.equal(hasValidCheckDigit('123456789014'), false);
    assert.equal(hasValidCheckDigit('1234567890'), false);
  });

  test('speaks Korean when asked: errors and warnings a seller can read', () => {
    const wrong = normaliseInvoice({ courier: 'CJ', invoiceNumber: '123456789' }, 'ko');
    assert.equal(wrong.ok, false);
    if (!wrong.ok)
      assert.equal(wrong.errors[0]!.message, 'CJ대한통운 송장번호는 10 또는 12자리여야 합니다 (입력 9자리)');
    const warned = normaliseInvoice({ courier: 'CJ', invoiceNumber: '123456789010' }, 'ko');
    assert.ok(warned.ok);
    if (warned.ok) assert.match(warned.value.warnings.join(), /검증 숫자와 맞지 않습니다/);
  });
});
