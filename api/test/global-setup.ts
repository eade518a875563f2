import 'reflect-metadata';
import { createTestDatabase } from './test-database';

export default async function globalSetup() {
  const started = Date.now();
  const db = await createTestDatabase();
  // Workers are forked after this, so they inherit it.
  process.env.TEST_DATABASE_URL = db.url;
  (globalThis as { __testDb?: typeof db }).__testDb = db;
  console.log(`\ntest database ready (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}) in ${Date.now() - started} ms`);
}
