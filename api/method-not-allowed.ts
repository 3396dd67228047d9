/** A registered route as Hono lists it (`app.routes`). */
interface RouteEntry {
  method: string;
  path: string;
}

const paramSegment = /^:[^/{]+(\{.*\})?\??$/;

function matcherOf(path: string): RegExp {
  const pattern = path
    .split('/')
    .map((segment) => {
      if (segment === '*') return '.*';
      if (paramSegment.test(segment)) return '[^/]+';
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${pattern}/?$`);
}

/**
 * The methods other routes answer on a path nobody answers with the request's method, so a wrong
 * method is told 405 with `Allow` rather than 404 (RFC 9110 §15.5.6). Middleware (`ALL`) is ignored.
 */
export function allowedMethodsFinder(routes: () => readonly RouteEntry[]) {
  let compiled: { method: string; matcher: RegExp }[] | null = null;
  return (path: string): string[] => {
    compiled ??= routes()
      .filter((r) => r.method !== 'ALL')
      .map((r) => ({ method: r.method.toUpperCase(), matcher: matcherOf(r.path) }));
    const methods = new Set(compiled.filter((r) => r.matcher.test(path)).map((r) => r.method));
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };
}
