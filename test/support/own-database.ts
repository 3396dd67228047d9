/**
 * Imported FIRST by a suite that needs a database of its own (e.g. one that runs whole settlement
 * weeks, which take every seller's pending lines): every later import that reads TEST_DATABASE_URL
 * (test/support/services.ts) sees this suite's database. Call `prepareOwnDatabase()` in `before`.
 */
const shared = new URL(process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/jangteo_test');
const own = new URL(shared.toString());
own.pathname = `${shared.pathname}_own_${process.pid}`;
process.env.TEST_DATABASE_URL = own.toString();

export const OWN_DATABASE_URL = own.toString();
