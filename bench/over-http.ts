import type { TestApp } from '../test/support/test-app';

/** The account helpers of the tests, over HTTP instead of an in-process app. */
export function overHttp(baseUrl: string): TestApp {
  return {
    request: (
      path: string,
      init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
    ) =>
      fetch(`${baseUrl}${path}`, {
        method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
        headers: { 'content-type': 'application/json', ...init.headers },
        body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      }),
  } as unknown as TestApp;
}
