import { CatalogErrorCode, invalidField } from './catalog-errors';

/** An option a shopper picks (색상, 사이즈) and the values it offers. */
export interface ProductOption {
  name: string;
  values: string[];
}

/** Option name → chosen value; one entry per declared option. */
export type OptionSelection = Record<string, string>;

export const MAX_OPTIONS = 3;
export const MAX_OPTION_VALUES = 50;
export const MAX_VARIANTS = 200;

const label = (value: string) => value.normalize('NFC').trim();

/** Validates and normalises the option list: names unique, values unique and non-empty. */
export function normaliseOptions(options: readonly ProductOption[]): ProductOption[] {
  if (options.length > MAX_OPTIONS) throw invalidField('body.options', `at most ${MAX_OPTIONS} options`);
  const names = new Set<string>();
  return options.map((option, i) => {
    const name = label(option.name);
    if (name.length === 0 || name.length > 30)
      throw invalidField(`body.options.${i}.name`, 'must be 1–30 characters');
    if (names.has(name)) throw invalidField(`body.options.${i}.name`, `option "${name}" is declared twice`);
    names.add(name);
    if (option.values.length === 0 || option.values.length > MAX_OPTION_VALUES) {
      throw invalidField(`body.options.${i}.values`, `must list 1–${MAX_OPTION_VALUES} values`);
    }
    const values = option.values.map(label);
    values.forEach((value, j) => {
      if (value.length === 0 || value.length > 50)
        throw invalidField(`body.options.${i}.values.${j}`, 'must be 1–50 characters');
    });
    if (new Set(values).size !== values.length)
      throw invalidField(`body.options.${i}.values`, 'values must be unique');
    return { name, values };
  });
}

/**
 * Checks that a variant names exactly one declared value of every declared option and returns it
 * normalised. A combination outside the declared options is refused with UNKNOWN_OPTION_COMBINATION.
 */
export function normaliseSelection(
  options: readonly ProductOption[],
  selection: OptionSelection,
  field: string,
): OptionSelection {
  const normalised: OptionSelection = {};
  for (const [rawName, rawValue] of Object.entries(selection)) {
    const name = label(rawName);
    const value = label(rawValue);
    const option = options.find((o) => o.name === name);
    if (!option) {
      throw invalidField(
        field,
        `option "${name}" is not one of the product's options`,
        CatalogErrorCode.UNKNOWN_OPTION_COMBINATION,
      );
    }
    if (!option.values.includes(value)) {
      throw invalidField(
        field,
        `"${value}" is not a value of option "${name}"`,
        CatalogErrorCode.UNKNOWN_OPTION_COMBINATION,
      );
    }
    normalised[name] = value;
  }
  const missing = options.filter((o) => !(o.name in normalised)).map((o) => o.name);
  if (missing.length > 0) {
    throw invalidField(
      field,
      `no value chosen for option(s) ${missing.join(', ')}`,
      CatalogErrorCode.UNKNOWN_OPTION_COMBINATION,
    );
  }
  return normalised;
}

/** A canonical text for a selection (option order independent), used to keep combinations unique. */
export function selectionKey(options: readonly ProductOption[], selection: OptionSelection): string {
  return options.map((o) => `${o.name}=${selection[o.name]}`).join('|');
}
