import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bigrams,
  choseongOf,
  compact,
  isChoseongQuery,
  normaliseText,
  oneDeletions,
  withinOneEdit,
  wordsOf,
} from './korean-text';
import { keywordTerms } from './search-query';

describe('Korean text analysis', () => {
  it('normalises width, case and punctuation, and keeps typed jamo as typed', () => {
    assert.equal(normaliseText('  ＡＢＣ iPhone-15 [무료배송]!! '), 'abc iphone 15 무료배송');
    assert.equal(normaliseText('ㅂㄹㅌㅅ'), 'ㅂㄹㅌㅅ');
    assert.equal(compact('블루투스 이어폰'), compact('블루투스이어폰'));
    assert.deepEqual(wordsOf(' 반팔, 티셔츠 '), ['반팔', '티셔츠']);
    assert.deepEqual(wordsOf(' !! '), []);
  });

  it('takes the 초성 of syllables and keeps other letters and digits', () => {
    assert.equal(choseongOf('무선 블루투스 이어폰'), 'ㅁㅅㅂㄹㅌㅅㅇㅇㅍ');
    assert.equal(choseongOf('아이폰 15 Case'), 'ㅇㅇㅍ15case');
    assert.equal(choseongOf('까치 똑딱'), 'ㄲㅊㄸㄸ');
  });

  it('recognises a query of consonants only', () => {
    assert.ok(isChoseongQuery('ㅂㄹㅌㅅ'));
    assert.ok(!isChoseongQuery('ㅂㄹ투스'));
    assert.ok(!isChoseongQuery('abc'));
    assert.ok(!isChoseongQuery(''));
  });

  it('cuts texts into distinct bigrams', () => {
    assert.deepEqual(bigrams('블루투스'), ['블루', '루투', '투스']);
    assert.deepEqual(bigrams('하하하'), ['하하']);
    assert.deepEqual(bigrams('L'), ['L']);
    assert.deepEqual(bigrams(''), []);
  });

  it('allows exactly one substitution, insertion, deletion or swap', () => {
    assert.ok(withinOneEdit('블루투스', '블루투수'));
    assert.ok(withinOneEdit('블루투스', '블루투스'));
    assert.ok(withinOneEdit('블루투스', '블루스'));
    assert.ok(withinOneEdit('블루스', '블루투스'));
    assert.ok(withinOneEdit('블루투스', '블루스투'));
    assert.ok(withinOneEdit('iphone', 'ipohne'));
    assert.ok(!withinOneEdit('블루투스', '블랙투수'));
    assert.ok(!withinOneEdit('블루투스', '블루'));
    assert.ok(!withinOneEdit('abcd', 'badc'));
    assert.deepEqual(oneDeletions('abb').sort(), ['ab', 'bb']);
  });

  it('splits keywords into normalised distinct terms', () => {
    assert.deepEqual(keywordTerms('아이폰 케이스, iPhone 15 / IPHONE'), ['아이폰', '케이스', 'iphone', '15']);
    assert.deepEqual(keywordTerms('ㅂㄹㅌㅅ'), ['ㅂㄹㅌㅅ']);
  });
});
