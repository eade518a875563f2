import fc from 'fast-check';
import {
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  FieldNode,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isScalarType,
  parse,
  valueFromASTUntyped,
} from 'graphql';
import { ErrorCode, Role, audienceOfSide, sideOfRole } from '@medchannel/shared-schema';
import { buildAppSchema } from '../src/schema/build-schema';
import { GqlClient, TestApp, codeOf, startTestApp } from './harness';
import { DISTRIBUTORS } from '../src/db/seed/demo-data';
import { addDays, today } from '../src/common/dates';
import { OPERATIONS, CaseInput } from './isolation/operations';
import { PERSONA_KEYS, PersonaKey, personaUser } from './personas';

/**
 * Every mutation of the schema, found by introspection, takes arbitrary and hostile values in
 * its input: its own valid call (the isolation matrix's) with one field at a time replaced by
 * a huge, negative, far-off, malformed or unicode value of that field's type. Whatever the
 * value, the answer is either accepted or a coded error — never INTERNAL — and a refused call
 * writes nothing (every table's row count and latest change, before and after).
 */

const RUNS = Number(process.env.HOSTILE_RUNS ?? 4);
const CODES = new Set<string>(Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL));

let t: TestApp;
let schema: GraphQLSchema;
const clients = new Map<PersonaKey, GqlClient>();

beforeAll(async () => {
  t = await startTestApp({ loginAttemptsPerMinute: 1000, webhookAllowCidrs: ['127.0.0.1/32'] });
  schema = await buildAppSchema();
}, 120_000);
afterAll(() => t?.stop());

async function clientOf(key: PersonaKey): Promise<GqlClient> {
  if (!clients.has(key)) clients.set(key, await t.as(personaUser(key).email));
  return clients.get(key)!;
}

/** Row count and latest change of every table: a refused call must leave it identical. */
let checksumSql: string | null = null;
async function checksum(): Promise<string> {
  if (!checksumSql) {
    const cols: Array<{ table_name: string; has_updated: boolean }> = await t.app.ds.query(
      `SELECT t.table_name, EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = 'public' AND c.table_name = t.table_name AND c.column_name = 'updated_at') AS has_updated
         FROM information_schema.tables t WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
           -- a refused sign-in is counted by the throttle (failure_throttle) on purpose: that is its write, not the input's
           AND t.table_name NOT IN ('session', 'migrations', 'failure_throttle')`,
    );
    checksumSql = `SELECT ${cols.map((c) => `(SELECT count(*) || '/' || ${c.has_updated ? `COALESCE(max(updated_at)::text, '')` : `''`} FROM "${c.table_name}")`).join(` || ';' || `)} AS sum`;
  }
  const [{ sum }] = await t.app.ds.query(checksumSql);
  return sum;
}

// ---- hostile values by type -------------------------------------------------------------
const longText = fc.constantFrom('x'.repeat(10_001), '长'.repeat(5_000), 'a'.repeat(256), '9'.repeat(400));
const oddText = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\u202e\u0645',
  '😀'.repeat(3),
  '\ud800',
  "'; DROP TABLE app_user;--",
  '<script>x</script>',
  '-1',
  'NaN',
  'Infinity',
  '1e309',
  'null',
  '{}',
);
const dateText = fc.constantFrom(
  '1900-01-01',
  '9999-12-31',
  '0001-01-01',
  '2026-02-30',
  '2026-13-01',
  '1999-12-31',
  '2101-01-01',
  '20260101',
  '',
);
const numberText = fc.constantFrom(
  '-1',
  '-0.01',
  '0',
  '-999999999999',
  '1e30',
  '99999999999999999999.99',
  '0.001',
  '1.005',
  'NaN',
  'Infinity',
  '-Infinity',
  ' 1',
  '1,000',
);
const isoTime = fc.constantFrom(
  '9999-12-31T23:59:59Z',
  '1900-01-01T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '2026-02-30T10:00:00Z',
  'yesterday',
  '',
);

function hostileScalar(type: GraphQLNamedType): fc.Arbitrary<unknown> {
  switch (type.name) {
    case 'Int':
      return fc.oneof(fc.constantFrom(-1, 0, -2147483648, 2147483647, 1_000_000), fc.integer());
    case 'Float':
      return fc.oneof(fc.constantFrom(-1, 0, 1e308, -1e308, 0.1), fc.double({ noNaN: true, noDefaultInfinity: true }));
    case 'Boolean':
      return fc.boolean();
    case 'LocalDate':
      return fc.oneof(dateText, oddText);
    case 'Decimal':
      return fc.oneof(numberText, oddText);
    case 'DateTime':
    case 'DateTimeISO':
    case 'Date':
      return fc.oneof(isoTime, oddText);
    case 'ID':
      return fc.oneof(fc.uuid(), oddText, fc.constant('00000000-0000-0000-0000-000000000000'));
    default:
      return fc.oneof(longText, oddText, numberText, dateText, fc.string({ unit: 'grapheme', maxLength: 60 }));
  }
}

function hostileOf(type: GraphQLInputType, current: unknown): fc.Arbitrary<unknown> {
  const named = getNamedType(type);
  const inner = getNullableType(type);
  const leaf = isEnumType(named)
    ? fc.oneof(
        fc.constantFrom(...named.getValues().map((v) => v.value as string)),
        fc.constantFrom('NOT_A_VALUE', '', 'admin'),
      )
    : isScalarType(named)
      ? hostileScalar(named)
      : fc.constant({});
  if (isListType(inner)) {
    return fc.oneof(
      fc.constant([]),
      fc.array(leaf, { minLength: 1, maxLength: 3 }),
      fc.constant(Array.isArray(current) && current.length ? new Array(1001).fill(current[0]) : []),
      fc.constant(null),
    );
  }
  return fc.oneof({ weight: 5, arbitrary: leaf }, { weight: 1, arbitrary: fc.constant(null) });
}

/** Every place in an argument value a field can be set: existing fields and optional ones left out. */
interface Slot {
  path: (string | number)[];
  type: GraphQLInputType;
  current: unknown;
}
function slots(type: GraphQLInputType, value: unknown, path: (string | number)[] = []): Slot[] {
  const out: Slot[] = [{ path, type, current: value }];
  const inner = getNullableType(type);
  if (isInputObjectType(inner) && value && typeof value === 'object') {
    for (const field of Object.values(inner.getFields()))
      out.push(...slots(field.type, (value as Record<string, unknown>)[field.name], [...path, field.name]));
  } else if (isListType(inner) && Array.isArray(value) && value.length) {
    out.push(...slots(inner.ofType as GraphQLInputType, value[0], [...path, 0]));
  }
  return out;
}

function setAt(root: Record<string, unknown>, path: (string | number)[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(root);
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}

// ---- the sweep --------------------------------------------------------------------------
// Jest needs the test names before beforeAll builds the schema: the matrix's table holds every
// operation of the schema (its own test checks that); queries among them are skipped below.
const mutationNames = Object.keys(OPERATIONS);

function personaFor(allowed: readonly Role[] | 'any' | 'anyone'): PersonaKey {
  if (allowed === 'any' || allowed === 'anyone') return 'admin' as PersonaKey;
  return PERSONA_KEYS.find((k) => allowed.includes(personaUser(k).role))!;
}

test('the sweep covers every mutation that takes input', async () => {
  const withArgs = Object.values(schema.getMutationType()!.getFields())
    .filter((f) => f.args.length)
    .map((f) => f.name);
  expect(withArgs.length).toBeGreaterThan(20);
  expect(withArgs.filter((n) => !OPERATIONS[n])).toEqual([]);
});

/** A mutation's valid call (the isolation matrix's own case), its arguments as variables of their declared types. */
async function ownCall(name: string) {
  const field = schema.getMutationType()!.getFields()[name];
  const op = OPERATIONS[name];
  const key = personaFor(op.allowed);
  const user = personaUser(key);
  const p: CaseInput = {
    key,
    user,
    client: await clientOf(key),
    fresh: () => t.client(audienceOfSide(sideOfRole(user.role))),
    ds: t.app.ds,
  };
  const call = await op.own(p);
  const doc = parse(call.query);
  const opNode = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fieldNode = opNode.selectionSet.selections.find(
    (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === name,
  )!;
  const given: Record<string, unknown> = {};
  for (const arg of fieldNode.arguments ?? [])
    given[arg.name.value] = valueFromASTUntyped(arg.value, call.variables ?? {});
  const base = Object.fromEntries(field.args.map((a) => [a.name, given[a.name] ?? null]));
  const returns = getNamedType(field.type);
  const query = `mutation(${field.args.map((a) => `$${a.name}: ${a.type}`).join(', ')}) { ${name}(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')})${isScalarType(returns) || isEnumType(returns) ? '' : ' { __typename }'} }`;
  return { field, base, query, client: () => op.ownClient?.(p) ?? p.client };
}

describe.each(mutationNames)('%s', (name) => {
  test('hostile values answer a coded error (never INTERNAL) and a refusal writes nothing', async () => {
    const field = schema.getMutationType()!.getFields()[name];
    if (!field || !field.args.length) return; // a query, or a mutation without input
    const { base, query, client } = await ownCall(name);
    const all: Slot[] = field.args.flatMap((a) => slots(a.type, base[a.name], [a.name]));

    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 0, max: all.length - 1 })
          .chain((i) => hostileOf(all[i].type, all[i].current).map((v) => ({ slot: all[i], value: v }))),
        async ({ slot, value }) => {
          const variables = setAt(base, slot.path, value);
          const before = await checksum();
          const r = await client().request(query, variables);
          const codes = r.errors.map((e) => e.extensions?.code);
          const where = `${name} with ${slot.path.join('.')} = ${JSON.stringify(value)?.slice(0, 80)}`;
          if (codes.some((c) => !c || !CODES.has(c))) throw new Error(`${where} answered ${r.text.slice(0, 400)}`);
          if (r.errors.length && (await checksum()) !== before)
            throw new Error(`${where} was refused (${codes.join(',')}) but wrote`);
        },
      ),
      { numRuns: RUNS, seed: Number(process.env.HOSTILE_SEED ?? Date.now() % 100_000), endOnFailure: true },
    );
  });
});

// Values once accepted, each on its mutation's valid call: refused, field named, nothing written.
describe('declared ranges', () => {
  const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
  const secondTier = (): string => DISTRIBUTORS.find((d) => d.parentCode)!.id;
  const cases: Array<[string, string, string[], () => unknown]> = [
    ['a payment dated 1900', 'recordPayment', ['input', 'receivedOn'], () => '1900-01-01'],
    ['a payment received next month', 'recordPayment', ['input', 'receivedOn'], () => addDays(today(), 30)],
    ['a negative payment', 'recordPayment', ['input', 'amount'], () => '-5.00'],
    ['a second tier under a second tier', 'createDistributor', ['input', 'parentId'], secondTier],
    ['negative registered capital', 'updateDistributorProfile', ['input', 'registeredCapital'], () => '-1.00'],
    // absent leaves a field as it is; null would blank a column that always holds a value
    ['a tier of null', 'updateDistributorProfile', ['input', 'tier'], () => null],
    ['a name of null', 'updateDistributorProfile', ['input', 'name'], () => null],
    ['classifications of null', 'updateDistributorProfile', ['input', 'classifications'], () => null],
    ['a negative price', 'setTierPrice', ['input', 'price'], () => '-0.01'],
    [
      'a co-visit slot in the past',
      'proposeCoVisit',
      ['input', 'slots'],
      () => [{ startsAt: inHours(-72), endsAt: inHours(-71) }],
    ],
    [
      'a co-visit slot in 9999',
      'proposeCoVisit',
      ['input', 'slots'],
      () => [{ startsAt: '9999-12-31T09:00:00Z', endsAt: '9999-12-31T10:00:00Z' }],
    ],
    [
      'a co-visit slot two years ahead',
      'proposeCoVisit',
      ['input', 'slots'],
      () => [{ startsAt: inHours(2 * 366 * 24), endsAt: inHours(2 * 366 * 24 + 1) }],
    ],
    ['a price effective from 9999', 'setTierPrice', ['input', 'effectiveFrom'], () => '9999-01-01'],
  ];
  test.each(cases)('%s is refused', async (_what, name, path, value) => {
    const { base, query, client } = await ownCall(name);
    const before = await checksum();
    const r = await client().request(query, setAt(base, [...path], value()));
    expect(codeOf(r)).toBe(ErrorCode.BAD_USER_INPUT);
    expect(await checksum()).toBe(before);
  });
});
