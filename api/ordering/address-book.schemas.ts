import { z } from '@hono/zod-openapi';
import { MAX_SAVED_ADDRESSES } from '../../domain/ordering/address-book';

export const addressIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(36)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

// Lengths here are generous bounds; the domain names the field that breaks its exact rule.
export const savedAddressBody = z
  .object({
    label: z
      .string()
      .max(100)
      .nullable()
      .optional()
      .openapi({ example: '집', description: 'At most 20 characters' }),
    isDefault: z
      .boolean()
      .optional()
      .openapi({ description: 'Make it the default address (the first one always is)' }),
    recipient: z.string().max(100).openapi({ example: '김민지' }),
    phone: z.string().max(20).openapi({ example: '010-1234-5678' }),
    zipCode: z.string().max(10).openapi({ example: '06236' }),
    address1: z.string().max(300).openapi({ example: '서울특별시 강남구 테헤란로 152' }),
    address2: z.string().max(300).nullable().optional().openapi({ example: '12층' }),
    deliveryMemo: z
      .string()
      .max(300)
      .nullable()
      .optional()
      .openapi({ example: '부재 시 경비실에 맡겨 주세요', description: '배송 메모, at most 100 characters' }),
  })
  .openapi('SavedAddressInput');

export const savedAddressView = z
  .object({
    id: z.string(),
    label: z.string().nullable(),
    isDefault: z.boolean(),
    recipient: z.string(),
    phone: z.string(),
    zipCode: z.string(),
    address1: z.string(),
    address2: z.string().nullable(),
    deliveryMemo: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('SavedAddress');

export const savedAddressList = z
  .object({
    items: z
      .array(savedAddressView)
      .openapi({ description: `The default first, then oldest first; at most ${MAX_SAVED_ADDRESSES}` }),
  })
  .openapi('AddressBook');
