import { createIdentityContext } from '../../contexts/identity.context';
import type { ManagerPermission } from '../../domain/identity/role';
import { MemoryKeyValueStore } from '../../platform/cache/memory-key-value-store';
import { uuidv7 } from '../../platform/ids';
import { testInfra } from './contexts';
import type { TestApp } from './test-app';

/**
 * Accounts for tests, made through the real API (and, for staff accounts, the identity services
 * over the app's own keys). Every call makes a fresh account with a unique email.
 */
export interface TestAccount {
  id: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  /** `{ authorization: 'Bearer …' }` for request headers. */
  auth: Record<string, string>;
}

export const TEST_PASSWORD = 'Correct-Horse-42';

let counter = 0;
export function uniqueEmail(label = 'user'): string {
  counter += 1;
  return `${label}.${uuidv7().slice(-12)}${counter}@example.com`;
}

/** A 사업자등록번호 with a valid check digit, different on every call. */
export function validBusinessNumber(): string {
  const weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  const head = String(100_000_000 + Math.floor(Math.random() * 899_999_999)).slice(0, 9);
  let sum = weights.reduce((acc, w, i) => acc + Number(head[i]) * w, 0);
  sum += Math.floor((Number(head[8]) * 5) / 10);
  return head + String((10 - (sum % 10)) % 10);
}

async function expectOk(response: Response, what: string): Promise<Record<string, unknown>> {
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${what} failed: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

export async function login(
  app: TestApp,
  email: string,
  password = TEST_PASSWORD,
): Promise<{ accessToken: string; refreshToken: string }> {
  const body = await expectOk(
    await app.request('/api/v1/auth/login', { body: { email, password } }),
    `login ${email}`,
  );
  return { accessToken: body.accessToken as string, refreshToken: body.refreshToken as string };
}

async function signedIn(app: TestApp, id: string, email: string): Promise<TestAccount> {
  const tokens = await login(app, email);
  return {
    id,
    email,
    password: TEST_PASSWORD,
    ...tokens,
    auth: { authorization: `Bearer ${tokens.accessToken}` },
  };
}

/** Signs up through the API with the test password, then signs in. */
async function signUpAs(app: TestApp, email: string, fields: Record<string, unknown>): Promise<TestAccount> {
  const body = await expectOk(
    await app.request('/api/v1/auth/signup', { body: { email, password: TEST_PASSWORD, ...fields } }),
    `${String(fields.role).toLowerCase()} signup`,
  );
  return signedIn(app, body.id as string, email);
}

export async function signUpConsumer(
  app: TestApp,
  overrides: { email?: string; name?: string; phone?: string } = {},
): Promise<TestAccount> {
  return signUpAs(app, overrides.email ?? uniqueEmail('consumer'), {
    name: overrides.name ?? '김소비',
    phone: overrides.phone ?? '010-2000-3000',
    role: 'CONSUMER',
  });
}

export async function signUpSeller(
  app: TestApp,
  overrides: {
    email?: string;
    name?: string;
    phone?: string;
    representative?: string;
    companyName?: string;
  } = {},
): Promise<TestAccount> {
  return signUpAs(app, overrides.email ?? uniqueEmail('seller'), {
    name: overrides.name ?? '박판매',
    phone: overrides.phone ?? '010-4000-5000',
    role: 'SELLER',
    seller: {
      businessNumber: validBusinessNumber(),
      companyName: overrides.companyName ?? '판매상회',
      representative: overrides.representative ?? '박판매',
    },
  });
}

/** An admin, created directly through the identity services (as the bootstrap does), then signed in. */
export async function createAdmin(app: TestApp): Promise<TestAccount> {
  const identity = createIdentityContext(
    testInfra({ ...app, infrastructure: { ...app.infrastructure, kv: new MemoryKeyValueStore() } }),
  );
  const email = uniqueEmail('admin');
  const user = await identity.accounts.signup({
    email,
    password: TEST_PASSWORD,
    name: '관리자',
    phone: '02-300-4000',
    role: 'ADMIN',
  });
  return signedIn(app, user.id, email);
}

/** A MANAGER account made by an admin through the API. */
export async function createManager(app: TestApp, admin: TestAccount): Promise<TestAccount> {
  const email = uniqueEmail('manager');
  const body = await expectOk(
    await app.request('/api/v1/admin/users', {
      headers: admin.auth,
      body: { email, password: TEST_PASSWORD, name: '이매니', phone: '010-6000-7000', role: 'MANAGER' },
    }),
    'manager creation',
  );
  return signedIn(app, body.id as string, email);
}

export async function assignManager(
  app: TestApp,
  seller: TestAccount,
  manager: TestAccount,
  permissions: ManagerPermission[],
): Promise<void> {
  await expectOk(
    await app.request(`/api/v1/sellers/${seller.id}/managers`, {
      headers: seller.auth,
      body: { managerId: manager.id, permissions },
    }),
    'manager assignment',
  );
}
