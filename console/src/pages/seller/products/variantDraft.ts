/** The product form's options (names and comma-separated values) and the variant grid built from them. */
export interface OptionDraft {
  name: string;
  values: string;
}

export interface VariantDraft {
  options: Record<string, string>;
  priceDelta: string;
  stock: string;
}

export const valuesOf = (option: OptionDraft) =>
  [...new Set(option.values.split(',').map((v) => v.trim()))].filter(Boolean);

/** Options with a name and at least one value. */
export const usableOptions = (options: OptionDraft[]) =>
  options
    .map((o) => ({ name: o.name.trim(), values: valuesOf(o) }))
    .filter((o) => o.name && o.values.length > 0);

export const variantKey = (options: Record<string, string>) =>
  Object.entries(options)
    .map(([k, v]) => `${k}=${v}`)
    .join('|');

/**
 * Every combination of the options' values, keeping what was typed for a combination that already
 * had a row; no options: one variant.
 */
export function buildGrid(options: OptionDraft[], previous: VariantDraft[]): VariantDraft[] {
  let combos: Record<string, string>[] = [{}];
  for (const option of usableOptions(options))
    combos = combos.flatMap((combo) => option.values.map((value) => ({ ...combo, [option.name]: value })));
  const before = new Map(previous.map((v) => [variantKey(v.options), v]));
  return combos.map(
    (combo) => before.get(variantKey(combo)) ?? { options: combo, priceDelta: '0', stock: '0' },
  );
}

export const variantLabel = (options: Record<string, string>) => Object.values(options).join(' / ') || '기본';
