import { defineSearchAttributeKey } from '@temporalio/common';

/**
 * `OrderNumber` (Keyword): OrderLifecycle runs are found by the buyer-facing number (JT…) in the
 * Temporal UI (`OrderNumber = "JT2026112404718263"`). Set by the starter when the run starts, never
 * upserted by workflow code, so recorded histories replay unchanged. The namespace must have it
 * registered (`--search-attribute OrderNumber=Keyword` on the dev server; `temporal operator
 * search-attribute create` on a cluster, docs/deployment.md).
 */
export const ORDER_NUMBER_SEARCH_ATTRIBUTE = defineSearchAttributeKey('OrderNumber', 'KEYWORD');
