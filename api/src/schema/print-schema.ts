import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { buildAppSchema, printSortedSchema } from './build-schema';

/** Writes shared-schema/schema.graphql; CI re-runs it and fails when the committed file differs. */
async function main() {
  const target = path.resolve(__dirname, '..', '..', '..', 'shared-schema', 'schema.graphql');
  fs.writeFileSync(target, printSortedSchema(await buildAppSchema()));
  console.log(`schema written to ${path.relative(process.cwd(), target)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
