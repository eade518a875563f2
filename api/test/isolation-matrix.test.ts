import { randomUUID } from 'node:crypto';
import { GraphQLInputObjectType, GraphQLObjectType, GraphQLSchema, getNamedType, isInputObjectType } from 'graphql';
import { Audience, ErrorCode, Role, audienceOfSide, sideOfRole } from '@medchannel/shared-schema';
import { buildAppSchema } from '../src/schema/build-schema';
import { GqlClient, GqlResult, TestApp, codeOf, startTestApp } from './harness';
import { auditsBy, footprint } from './auditing';
import { OPERATIONS, OperationCase, CaseInput } from './isolation/operations';
import { FIELD_KINDS, WITHIN_PARENT, foreignIdsOf, idPositions, withId } from './isolation/input-ids';
import {
  PERSONA_KEYS,
  PersonaKey,
  expectedDistributors,
  expectedHospitals,
  expectedOrders,
  foreignMarkers,
  personaUser,
} from './personas';

/**
 * Every query and mutation, as every persona: refused where the role may not call it, answering
 * NOT_FOUND (never a foreign record) where aimed at what the persona may not see, and never
 * naming a foreign id, name, code or email anywhere in a response.
 */
let t: TestApp;
const clients = new Map<PersonaKey, GqlClient>();

beforeAll(async () => {
  // setWebhookEndpoint's own case points at a loopback port: allowed here as an intranet ERP would be
  t = await startTestApp({ webhookAllowCidrs: ['127.0.0.1/32'] });
  for (const key of PERSONA_KEYS) clients.set(key, await t.as(personaUser(key).email));
});
afterAll(() => t?.stop());

function isAllowed(op: OperationCase, role: Role): boolean {
  return op.allowed === 'any' || op.allowed === 'anyone' || op.allowed.includes(role);
}

function assertNoForeign(result: GqlResult, markers: string[], where: string) {
  const leaked = markers.filter((m) => result.text.includes(m));
  if (leaked.length) throw new Error(`${where} leaked ${leaked.join(', ')}:\n${result.text.slice(0, 500)}`);
}

function input(key: PersonaKey): CaseInput {
  const user = personaUser(key);
  return {
    key,
    user,
    client: clients.get(key)!,
    fresh: () => t.client(audienceOfSide(sideOfRole(user.role))),
    ds: t.app.ds,
  };
}

test('the table covers every operation of the schema, and nothing else', async () => {
  const schema = await buildAppSchema();
  const fields = (type: GraphQLObjectType | null | undefined) => Object.keys(type?.getFields() ?? {});
  const operations = [...fields(schema.getQueryType()), ...fields(schema.getMutationType())].sort();
  expect(Object.keys(OPERATIONS).sort()).toEqual(operations);
});

describe('what each persona sees is exactly what the rules say', () => {
  test.each(PERSONA_KEYS)('distributors as %s', async (key) => {
    const result = await clients.get(key)!.request(`{ distributors(first: 100) { totalCount nodes { id } } }`);
    const expected = expectedDistributors(personaUser(key))
      .map((d) => d.id)
      .sort();
    expect(result.data.distributors.nodes.map((d: { id: string }) => d.id).sort()).toEqual(expected);
    expect(result.data.distributors.totalCount).toBe(expected.length);
  });

  test.each(PERSONA_KEYS)('orders as %s', async (key) => {
    const result = await clients.get(key)!.request(`{ orders(first: 100) { totalCount nodes { id } } }`);
    const expected = expectedOrders(personaUser(key))
      .map((o) => o.id)
      .sort();
    expect(result.data.orders.nodes.map((o: { id: string }) => o.id).sort()).toEqual(expected);
    expect(result.data.orders.totalCount).toBe(expected.length);
  });

  test.each(PERSONA_KEYS)('hospitals as %s', async (key) => {
    const result = await clients.get(key)!.request(`{ hospitals(first: 100) { totalCount nodes { id } } }`);
    const expected = expectedHospitals(personaUser(key))
      .map((h) => h.id)
      .sort();
    expect(result.data.hospitals.nodes.map((h: { id: string }) => h.id).sort()).toEqual(expected);
  });
});

// (runs first: the matrix below adds records of its own)
describe.each(Object.entries(OPERATIONS))('%s', (name, op) => {
  test('anonymous callers', async () => {
    for (const audience of [Audience.CONSOLE, Audience.PORTAL, null]) {
      const anon = t.client(audience);
      const call = await op.own(input('admin'));
      if (name === 'login') continue; // logging in is what anonymous callers do; covered per persona
      const result = await anon.request(call.query, call.variables);
      if (op.allowed === 'anyone') expect(result.errors).toEqual([]);
      else expect(codeOf(result)).toBe(ErrorCode.UNAUTHENTICATED);
      assertNoForeign(
        result,
        foreignMarkers(personaUser('repA')).concat(personaUser('admin').email),
        `${name} anonymous`,
      );
    }
  });

  test.each(PERSONA_KEYS)('as %s', async (key) => {
    const p = input(key);
    const markers = foreignMarkers(p.user);
    const allowed = isAllowed(op, p.user.role);

    const call = await op.own(p);
    const client = op.ownClient?.(p) ?? p.client;
    const before = await footprint(t.app.ds, p.user.id);
    const auditsBefore = await auditsBy(t.app.ds, p.user.id);
    const result = await client.request(call.query, call.variables);
    assertNoForeign(result, markers, `${name} as ${key}`);
    if (allowed) {
      expect(result.errors).toEqual([]);
      if (op.mutates) expect(await auditsBy(t.app.ds, p.user.id)).toBeGreaterThan(auditsBefore);
    } else {
      expect(codeOf(result)).toBe(ErrorCode.FORBIDDEN);
      expect(await footprint(t.app.ds, p.user.id)).toEqual(before);
    }

    for (const foreign of (await op.foreign?.(p)) ?? []) {
      const beforeForeign = await footprint(t.app.ds, p.user.id);
      const r = await p.client.request(foreign.query, foreign.variables);
      assertNoForeign(r, markers, `${name} as ${key} aimed at ${JSON.stringify(foreign.variables)}`);
      if (!allowed) expect(codeOf(r)).toBe(ErrorCode.FORBIDDEN);
      else if (foreign.expect === 'LISTED') expect(r.errors).toEqual([]);
      else expect(codeOf(r)).toBe(foreign.expect ?? ErrorCode.NOT_FOUND);
      expect(await footprint(t.app.ds, p.user.id)).toEqual(beforeForeign);
    }
  });
});

/**
 * Ids inside inputs (not only top-level arguments): for every mutation a persona may call, each ID
 * field its input carries, found in the schema, is aimed at records the persona may not see and at
 * a random id. A foreign id must answer exactly what a random one does (code, message, every
 * extension) and write nothing. (runs last: it reuses the table's own calls)
 */
describe('ids inside mutation inputs answer like random ids', () => {
  let schema: GraphQLSchema;
  const swept = new Set<string>();
  beforeAll(async () => {
    schema = await buildAppSchema();
  });

  test.each(PERSONA_KEYS)('as %s', async (key) => {
    const p = input(key);
    const markers = foreignMarkers(p.user);
    for (const name of Object.keys(schema.getMutationType()?.getFields() ?? {})) {
      const op = OPERATIONS[name];
      if (!isAllowed(op, p.user.role) || op.allowed === 'anyone') continue;
      const call = await op.own(p);
      for (const pos of idPositions(schema, call.query, call.variables ?? {})) {
        if (WITHIN_PARENT[pos.field]) continue;
        const kind = FIELD_KINDS[pos.field];
        if (!kind)
          throw new Error(
            `${pos.inputType}.${pos.field}: say what it names in FIELD_KINDS (or why not in WITHIN_PARENT)`,
          );
        swept.add(`${pos.inputType}.${pos.field}`);
        const send = (id: string) => p.client.request(call.query, withId(call.variables ?? {}, pos, id));
        const before = await footprint(t.app.ds, p.user.id);
        const random = await send(randomUUID());
        const where = `${name}.${pos.path.join('.')} as ${key}`;
        expect([where, random.errors.length > 0]).toEqual([where, true]);
        for (const id of await foreignIdsOf(kind, p.user, t.app.ds)) {
          const foreign = await send(id);
          assertNoForeign(foreign, markers, `${where} aimed at ${id}`);
          expect([where, foreign.errors, foreign.data]).toEqual([where, random.errors, random.data]);
        }
        expect([where, await footprint(t.app.ds, p.user.id)]).toEqual([where, before]);
      }
    }
  });

  test('every ID field inside a mutation input was aimed at foreign records by some persona', () => {
    const inputs = new Set<string>();
    const walk = (type: GraphQLInputObjectType, seen: Set<string>) => {
      if (seen.has(type.name)) return;
      seen.add(type.name);
      for (const f of Object.values(type.getFields())) {
        const named = getNamedType(f.type);
        if (named.name === 'ID' && !WITHIN_PARENT[f.name]) inputs.add(`${type.name}.${f.name}`);
        if (isInputObjectType(named)) walk(named, seen);
      }
    };
    for (const field of Object.values(schema.getMutationType()!.getFields())) {
      for (const arg of field.args) {
        const named = getNamedType(arg.type);
        if (isInputObjectType(named)) walk(named, new Set());
      }
    }
    expect([...inputs].filter((f) => !swept.has(f)).sort()).toEqual([]);
  });
});
