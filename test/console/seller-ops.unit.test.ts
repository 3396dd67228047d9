import assert from 'node:assert/strict';
import { test } from 'node:test';
import { judgeImages, MAX_IMAGE_BYTES } from '../../console/src/pages/seller/ops/imageRules';
import { parseInvoiceCsv } from '../../console/src/pages/seller/ops/invoiceCsv';
import { buildGrid } from '../../console/src/pages/seller/products/variantDraft';

test('a bulk invoice file is read with its header, quotes and Korean courier names, each row checked', () => {
  const csv = [
    '\uFEFF주문번호,택배사,송장번호',
    'JT2026120600000001,CJ대한통운,1234-5678-9012',
    '"JT2026120600000002","우체국","1234567890123"',
    '',
    'JT2026120600000001,CJ,123456789012',
    'JT123,없는택배,12ab',
    'JT2026120600000003,LOGEN,1234567890',
  ].join('\r\n');
  const rows = parseInvoiceCsv(csv);
  assert.deepEqual(
    rows.map((r) => [r.line, r.courier, r.problems]),
    [
      [2, 'CJ', []],
      [3, 'EPOST', []],
      [5, 'CJ', ['같은 주문번호가 앞 행에 있습니다.']],
      [
        6,
        null,
        [
          '주문번호 형식이 아닙니다 (JT로 시작하는 18자).',
          '알 수 없는 택배사입니다: 없는택배',
          '송장번호는 숫자만 입력할 수 있습니다 (공백과 하이픈은 무시합니다)',
        ],
      ],
      [7, 'LOGEN', ['로젠택배 송장번호는 11자리여야 합니다 (입력 10자리)']],
    ],
  );
});

test('images that break the catalog rules are refused with a Korean reason before any upload', () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
  const text = new TextEncoder().encode('hello world!');
  const files = [
    { file: { name: 'a.png', size: 1000 }, head: png },
    { file: { name: 'b.txt', size: 10 }, head: text },
    { file: { name: 'big.png', size: MAX_IMAGE_BYTES + 1 }, head: png },
    { file: { name: 'c.png', size: 1000 }, head: png },
  ];
  const verdict = judgeImages(files, 9);
  assert.deepEqual(
    verdict.accepted.map((f) => f.name),
    ['a.png'],
  );
  assert.deepEqual(verdict.refused, [
    { name: 'b.txt', reason: 'JPEG, PNG, WebP, GIF 이미지만 올릴 수 있습니다.' },
    { name: 'big.png', reason: '5MB를 넘습니다 (5.0MB).' },
    { name: 'c.png', reason: '이미지는 상품당 최대 10장입니다.' },
  ]);
});

test('the variant grid holds every combination and keeps what was typed for the ones already there', () => {
  const first = buildGrid([{ name: '색상', values: '빨강, 파랑' }], []);
  first[0]!.stock = '7';
  const grid = buildGrid(
    [
      { name: '색상', values: '빨강, 파랑' },
      { name: '크기', values: 'M,L' },
    ],
    first,
  );
  assert.equal(grid.length, 4);
  assert.deepEqual(grid[0]!.options, { 색상: '빨강', 크기: 'M' });
  const again = buildGrid([{ name: '색상', values: '빨강,파랑,파랑' }], first);
  assert.deepEqual(
    again.map((v) => [v.options['색상'], v.stock]),
    [
      ['빨강', '7'],
      ['파랑', '0'],
    ],
  );
  assert.deepEqual(buildGrid([], []), [{ options: {}, priceDelta: '0', stock: '0' }]);
});
