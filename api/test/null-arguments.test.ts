import { GraphQLSchema, isInputObjectType, isNonNullType } from 'graphql';
import { ErrorCode } from '@medchannel/shared-schema';
import { buildAppSchema } from '../src/schema/build-schema';
import { GqlClient, TestApp, codeOf, startTestApp } from './harness';

/**
 * `filter: null` (or any optional input object given as null) is a client's way of saying "none": every query that
 * takes one answers as if it were left out, never INTERNAL. Found by introspection, so a new list is covered as it
 * comes; queries with other required arguments are given a plain value for them.
 */
let t: TestApp;
let schema: GraphQLSchema;
let admin: GqlClient;
beforeAll(async () => {
  [t, schema] = await Promise.all([startTestApp(), buildAppSchema()]);
  admin = await t.as('admin@huakang.demo');
});
afterAll(() => t?.stop());

/** A plain value for a required scalar argument, by its type's name. */
const PLAIN: Record<string, string> = {
  LocalDate: '"2026-12-31"',
  Int: '1',
  String: '"x"',
  ID: '"00000000-0000-0000-0000-000000000000"',
};

function cases(): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    const nullable = field.args.filter((a) => isInputObjectType(a.type));
    const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
    if (!nullable.length || required.some((a) => !PLAIN[String(a.type).replace('!', '')])) continue;
    const args = [
      ...nullable.map((a) => `${a.name}: null`),
      ...required.map((a) => `${a.name}: ${PLAIN[String(a.type).replace('!', '')]}`),
    ].join(', ');
    found.push([field.name, `{ ${field.name}(${args}) { __typename } }`]);
  }
  return found;
}

test('every query with an optional input object answers a null one as if it were left out', async () => {
  const all = cases();
  expect(all.length).toBeGreaterThan(15);
  const internal: string[] = [];
  for (const [name, query] of all) {
    const r = await admin.request(query);
    if (codeOf(r) === ErrorCode.INTERNAL) internal.push(name);
  }
  expect(internal).toEqual([]);
});
