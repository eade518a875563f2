export default async function globalTeardown() {
  const db = (globalThis as { __testDb?: { drop(): Promise<void> } }).__testDb;
  await db?.drop();
}
