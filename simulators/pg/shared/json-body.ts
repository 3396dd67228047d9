/** The request's body when it is a JSON object; undefined for anything else (no body, bad JSON, an array, a scalar). */
export async function jsonObjectOf(request: {
  json(): Promise<unknown>;
}): Promise<Record<string, unknown> | undefined> {
  try {
    const body = await request.json();
    return body && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
