import { Audience } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';

/**
 * tenderQuotesAwaitingApproval(...) builds its page with each quote's product, requester, decider
 * and tender with its opportunity in one statement (quote-page.ts): each row must answer field for
 * field what the same quote answers read through its tender's per-field path (tenders(opportunityId)
 * › quotes). (The demo's waiting quote lies in 广东, outside the demo regional head's regions.)
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

const QUOTE = `id status reason price { amount currency } floorPrice { amount } product { id name }
  requestedBy { id displayName } decidedBy { id displayName }`;
const ROW = `${QUOTE} tender { id number purchaser opportunity { id need hospital { id name } } }`;

async function compare(client: GqlClient) {
  const page = await client.request(`{ tenderQuotesAwaitingApproval(first: 50) { totalCount nodes { ${ROW} } } }`);
  expect(page.errors).toEqual([]);
  const { nodes } = page.data.tenderQuotesAwaitingApproval;
  for (const node of nodes) {
    const alone = await client.request(
      `query($o: ID!) { tenders(opportunityId: $o) { id number purchaser opportunity { id need hospital { id name } } quotes { ${QUOTE} } } }`,
      { o: node.tender.opportunity.id },
    );
    expect(alone.errors).toEqual([]);
    const tender = alone.data.tenders.find((x: { id: string }) => x.id === node.tender.id);
    const { quotes, ...tenderAlone } = tender;
    const { tender: ofNode, ...quote } = node;
    expect(ofNode).toEqual(tenderAlone);
    expect(quote).toEqual(quotes.find((q: { id: string }) => q.id === node.id));
  }
  return nodes as unknown[];
}

test('each row of the one-statement queue answers what its tender reads alone, for the admin who decides it', async () => {
  const client = t.client(Audience.CONSOLE);
  await client.login('admin@huakang.demo');
  expect((await compare(client)).length).toBeGreaterThan(0);
});

test('the queue costs the session and one statement, whatever the page names', async () => {
  const client = t.client(Audience.CONSOLE);
  await client.login('admin@huakang.demo');
  const res = await client.request(`{ tenderQuotesAwaitingApproval(first: 30) { totalCount nodes { ${ROW} } } }`);
  expect(res.errors).toEqual([]);
  expect(res.sqlCount).toBe(2);
});
