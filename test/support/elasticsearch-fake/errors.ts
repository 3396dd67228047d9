/** An Elasticsearch error answer: `{"error":{"root_cause":[…],"type":…,"reason":…},"status":…}`. */
export class EsError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly reason: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(reason);
  }

  body(): Record<string, unknown> {
    const cause = { type: this.type, reason: this.reason, ...this.extra };
    return { error: { root_cause: [cause], ...cause }, status: this.status };
  }
}

export const indexNotFound = (index: string) =>
  new EsError(404, 'index_not_found_exception', `no such index [${index}]`, {
    'resource.type': 'index_or_alias',
    'resource.id': index,
    index,
  });

export const badRequest = (type: string, reason: string) => new EsError(400, type, reason);
