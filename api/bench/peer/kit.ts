import type { Client } from 'pg';
import { benchEmails } from '../generate/context';
import type { Operation } from '../operations';

/** What the peer's screens (portal-screens.ts, console-screens.ts) share: the request, the projections either side's answer goes through. */
export type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface PeerRequest {
  query: string;
  variables: Record<string, unknown>;
}

export interface PeerOperation {
  /** the API's operation in bench/operations.ts */
  name: string;
  /** what PostGraphile does not do of the API's work on this screen (empty: the same question) */
  gaps: string[];
  /** PostGraphile's request: from the API's variables, the bench data and, where Amber cannot choose the rows, the API's answer */
  request(from: { db: Client; op: Operation; variables: Record<string, unknown>; api: Json }): Promise<PeerRequest>;
  /** both answers in one shape, to compare */
  api(data: Json): unknown;
  peer(data: Json): unknown;
}

export const instant = (s: string | null) => (s === null ? null : new Date(s).toISOString());

/** The distributor a partner user belongs to (the API takes it from the session). */
export async function distributorOf(db: Client, op: Operation): Promise<string> {
  const { rows } = await db.query('SELECT distributor_id FROM app_user WHERE email = $1', [benchEmails[op.user]]);
  if (!rows[0]?.distributor_id) throw new Error(`${op.name}: ${benchEmails[op.user]} belongs to no distributor`);
  return rows[0].distributor_id;
}

/**
 * One root lookup per key, aliased `k0`, `k1`, …: Amber's way to ask for a given set of rows
 * (it has no `in` condition). `keys` are the lookup's arguments with their GraphQL types.
 */
export function lookups(
  root: string,
  keys: Array<Record<string, [type: string, value: unknown]>>,
  selection: string,
  more: { vars?: string; fields?: string; variables?: Record<string, unknown> } = {},
): PeerRequest {
  const vars: string[] = more.vars ? [more.vars] : [];
  const fields: string[] = more.fields ? [more.fields] : [];
  const variables: Record<string, unknown> = { ...more.variables };
  keys.forEach((key, i) => {
    const args = Object.entries(key).map(([arg, [type, value]]) => {
      vars.push(`$k${i}_${arg}: ${type}`);
      variables[`k${i}_${arg}`] = value;
      return `${arg}: $k${i}_${arg}`;
    });
    fields.push(`k${i}: ${root}(${args.join(', ')}) { ${selection} }`);
  });
  return {
    query: `query Rows${vars.length ? `(${vars.join(', ')})` : ''} {\n  __typename\n  ${fields.join('\n  ')}\n}`,
    variables,
  };
}

/** The rows of a `lookups` answer, in the order of the keys. */
export const looked = (d: Json): Json[] =>
  Object.keys(d)
    .filter((k) => /^k\d+$/.test(k))
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
    .map((k) => d[k]);

/** A key or an amount on either side: the API's `id` and Money (`{ amount }`), PostGraphile's `rowId` and bare BigFloat. */
export const id = (x: Json): string => x.id ?? x.rowId;
export const amount = (m: Json) => (m && typeof m === 'object' ? m.amount : m);

/**
 * A page Amber cannot choose: its rows looked up by the ids the API answered, each row projected
 * by the same function on both sides (`id` and `amount` read either shape).
 */
export function byApiIds(
  name: string,
  gaps: string[],
  root: string,
  nodesOf: (api: Json) => Json[],
  selection: string,
  row: (x: Json) => unknown,
): PeerOperation {
  return {
    name,
    gaps,
    request: async ({ api }) =>
      lookups(
        root,
        nodesOf(api).map((n) => ({ rowId: ['UUID!', n.id] })),
        selection,
      ),
    api: (d) => nodesOf(d).map(row),
    peer: (d) => looked(d).map(row),
  };
}

export const orderHead = (o: Json) => [
  o.number,
  o.status,
  o.kind,
  o.version,
  o.note,
  instant(o.submittedAt),
  amount(o.total),
  amount(o.shippedTotal),
];

export const orderEvent = (e: Json) => [id(e), e.action, e.fromStatus, e.toStatus, e.reason, instant(e.createdAt)];
export const shipmentItem = (i: Json, productCode: string) => [
  id(i),
  i.orderLineId,
  i.quantity,
  i.batchNo,
  i.serialNo,
  i.udiPi,
  i.expiryDate,
  productCode,
];
