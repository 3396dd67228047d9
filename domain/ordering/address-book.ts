import { DomainError } from '../shared/domain-error';
import { readShippingAddress, type ShippingAddress } from './checkout';
import { invalidFields, type FieldIssue } from './ordering-errors';

/** A buyer's saved delivery address (배송지): personal data, stored encrypted like an order's address. */
export interface SavedAddress {
  id: string;
  userId: string;
  /** The buyer's name for it (`집`, `회사`); null when none. */
  label: string | null;
  address: ShippingAddress;
  isDefault: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export const MAX_SAVED_ADDRESSES = 10;
const MAX_LABEL = 20;

export const AddressBookErrorCode = {
  ADDRESS_NOT_FOUND: 'ADDRESS_NOT_FOUND',
  ADDRESS_BOOK_FULL: 'ADDRESS_BOOK_FULL',
} as const;

export const addressNotFound = (addressId: string) =>
  new DomainError(AddressBookErrorCode.ADDRESS_NOT_FOUND, `Your address book has no address ${addressId}`, {
    addressId,
  });

export const addressBookFull = () =>
  new DomainError(
    AddressBookErrorCode.ADDRESS_BOOK_FULL,
    `An address book holds at most ${MAX_SAVED_ADDRESSES} addresses; delete one first`,
    { max: MAX_SAVED_ADDRESSES },
  );

/** A request body `{label?, isDefault?, recipient, phone, zipCode, address1, address2?, deliveryMemo?}`, checked. */
export function readSavedAddress(raw: Record<string, unknown>): {
  label: string | null;
  isDefault: boolean;
  address: ShippingAddress;
} {
  const errors: FieldIssue[] = [];
  const address = readShippingAddress(raw, 'body', errors);
  let label: string | null = null;
  if (raw.label !== undefined && raw.label !== null) {
    label = typeof raw.label === 'string' ? raw.label.normalize('NFC').trim() : '';
    if (label.length < 1 || [...label].length > MAX_LABEL)
      errors.push({ field: 'body.label', message: `must be 1–${MAX_LABEL} characters` });
  }
  if (raw.isDefault !== undefined && typeof raw.isDefault !== 'boolean')
    errors.push({ field: 'body.isDefault', message: 'must be true or false' });
  if (errors.length > 0) throw invalidFields(errors);
  return { label, isDefault: raw.isDefault === true, address };
}
