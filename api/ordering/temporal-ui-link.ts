/** Where operators open the Temporal UI (TEMPORAL_UI_URL, or the embedded dev server's) and the namespace. */
export interface TemporalUiLink {
  url: string;
  namespace: string;
}

/** The Temporal UI's list of an order's workflows, found by the OrderNumber search attribute (README#temporal-ui). */
export function temporalUiUrlOf(link: TemporalUiLink | undefined, orderNumber: string): string | null {
  if (!link) return null;
  const query = encodeURIComponent(`OrderNumber="${orderNumber}"`);
  return `${link.url.replace(/\/+$/, '')}/namespaces/${encodeURIComponent(link.namespace)}/workflows?query=${query}`;
}
