import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inicisAuthSignatureInput, inicisSortedQuery } from './inicis-auth-signature';
import { classifyInicisAnswer } from './inicis-result-codes';

describe('KG Inicis answers', () => {
  test('busy is retryable, an unreadable or 5xx answer is ambiguous, codes decide the rest', () => {
    assert.equal(classifyInicisAnswer({ httpStatus: 200, resultCode: '0000' }, 'stdpay'), 'ok');
    assert.equal(classifyInicisAnswer({ httpStatus: 200, resultCode: '00' }, 'stdpay'), 'final');
    assert.equal(classifyInicisAnswer({ httpStatus: 200, resultCode: '00' }, 'iniapi'), 'ok');
    assert.equal(classifyInicisAnswer({ httpStatus: 200, resultCode: '0000' }, 'iniapi'), 'final');
    assert.equal(classifyInicisAnswer({ httpStatus: 503 }, 'stdpay'), 'retryable');
    assert.equal(classifyInicisAnswer({ httpStatus: 429 }, 'iniapi'), 'retryable');
    assert.equal(classifyInicisAnswer({ httpStatus: 502 }, 'stdpay'), 'ambiguous');
    assert.equal(classifyInicisAnswer({ httpStatus: 200 }, 'stdpay'), 'ambiguous');
  });

  test('the authSignature string follows the last digit of the timestamp; signatures sort their keys', () => {
    const values = { mid: 'INIpayTest', MOID: 'o1', TotPrice: '1000' };
    assert.equal(
      inicisAuthSignatureInput({ ...values, tstamp: '1700000000003' }),
      'mid=INIpayTest&MOID=o1&tstamp=1700000000003',
    );
    assert.equal(
      inicisAuthSignatureInput({ ...values, tstamp: '1700000000000' }),
      'TotPrice=1000&tstamp=1700000000000&MOID=o1',
    );
    assert.throws(() => inicisAuthSignatureInput({ ...values, tstamp: 'abc' }), RangeError);
    assert.equal(
      inicisSortedQuery({ timestamp: '1', signKey: 'k', price: '2', oid: 'o' }),
      'oid=o&price=2&signKey=k&timestamp=1',
    );
  });
});
