export const ROLES = ['CONSUMER', 'SELLER', 'MANAGER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** Roles a person may choose at signup; admins create the others. */
export const SELF_SERVICE_ROLES = ['CONSUMER', 'SELLER'] as const;
export type SelfServiceRole = (typeof SELF_SERVICE_ROLES)[number];

/** Roles only an admin creates. */
export const STAFF_ROLES = ['MANAGER', 'ADMIN'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** What a seller lets a manager do on its behalf. */
export const MANAGER_PERMISSIONS = ['PRODUCTS', 'ORDERS', 'CHAT', 'SETTLEMENTS_READ'] as const;
export type ManagerPermission = (typeof MANAGER_PERMISSIONS)[number];

/** SUSPENDED: an admin stopped the account (docs/identity.md#suspension); it keeps its data and can be reactivated. */
export const USER_STATUSES = ['ACTIVE', 'SUSPENDED', 'WITHDRAWN'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
