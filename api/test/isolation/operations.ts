import { Role, rolesFor } from '@medchannel/shared-schema';
import { USERS } from '../../src/db/seed/demo-data';
import { expectedDistributors, foreignDistributors, foreignUsers } from '../personas';
import { moduleTables } from '../module-tables';
import { OperationCase } from './types';

export type { CaseInput, OperationCase } from './types';

const DISTRIBUTOR_FIELDS = `id name code stage tier version region { id name } channelManager { id displayName email }
  parent { id name code } secondTier { id name code }`;

const cmOfBrand = (brandId: string) => USERS.find((x) => x.brandId === brandId && x.role === Role.CHANNEL_MANAGER)!;

/** Every query and mutation of the schema, with who may call it and how to aim it at foreign records. */
export const OPERATIONS: Record<string, OperationCase> = {
  me: {
    allowed: 'any',
    own: () => ({
      query: `{ me { id email displayName role side locale brand { id name } regions { id name }
        distributor { ${DISTRIBUTOR_FIELDS} } } }`,
    }),
  },
  regions: {
    allowed: 'any',
    own: () => ({ query: `{ regions { id name code level parent { id name } } }` }),
  },
  distributors: {
    allowed: 'any',
    own: () => ({ query: `{ distributors(first: 100) { totalCount nodes { ${DISTRIBUTOR_FIELDS} } } }` }),
    foreign: ({ user }) =>
      foreignDistributors(user).map((d) => ({
        query: `query($search: String) { distributors(first: 100, filter: { search: $search }) { totalCount nodes { id name } } }`,
        variables: { search: d.name },
        expect: 'LISTED' as const,
      })),
  },
  distributor: {
    allowed: 'any',
    own: ({ user }) => ({
      query: `query($id: ID!) { distributor(id: $id) { ${DISTRIBUTOR_FIELDS} } }`,
      variables: { id: expectedDistributors(user)[0].id },
    }),
    foreign: ({ user }) =>
      foreignDistributors(user).map((d) => ({
        query: `query($id: ID!) { distributor(id: $id) { ${DISTRIBUTOR_FIELDS} } }`,
        variables: { id: d.id },
      })),
  },
  users: {
    allowed: rolesFor('user.list'),
    own: () => ({
      query: `{ users(first: 100) { totalCount nodes { id email displayName role distributor { id name } } } }`,
    }),
    foreign: ({ user }) => [
      ...foreignDistributors(user).map((d) => ({
        query: `query($id: ID) { users(first: 100, filter: { distributorId: $id }) { totalCount nodes { id email displayName } } }`,
        variables: { id: d.id },
        expect: 'LISTED' as const,
      })),
      ...foreignUsers(user).map((x) => ({
        query: `query($s: String) { users(first: 100, filter: { search: $s }) { totalCount nodes { id email displayName } } }`,
        variables: { s: x.displayName },
        expect: 'LISTED' as const,
      })),
    ],
  },
  login: {
    allowed: 'anyone',
    ownClient: ({ fresh }) => fresh(),
    own: ({ user }) => ({
      query: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id displayName distributor { ${DISTRIBUTOR_FIELDS} } } }`,
      variables: { e: user.email, p: 'MedChannel#2026' },
    }),
    mutates: true,
  },
  logout: {
    allowed: 'anyone',
    ownClient: ({ fresh }) => fresh(),
    own: () => ({ query: `mutation { logout }` }),
  },
  setMyLocale: {
    allowed: 'any',
    own: async ({ client }) => {
      const me = await client.request(`{ me { locale } }`);
      return {
        query: `mutation($l: Locale!) { setMyLocale(locale: $l) { id locale } }`,
        variables: { l: me.data?.me?.locale === 'EN' ? 'ZH_CN' : 'EN' },
      };
    },
    mutates: true,
  },
  assignChannelManager: {
    allowed: rolesFor('distributor.assignManager'),
    own: async ({ user, ds }) => {
      // A real change: some visible distributor gets a channel manager it does not have yet.
      const candidates = USERS.filter((x) => x.brandId === user.brandId && x.role === Role.CHANNEL_MANAGER);
      for (const target of expectedDistributors(user)) {
        const [{ version, channel_manager_id }] = await ds.query(
          `SELECT version, channel_manager_id FROM distributor WHERE id = $1`,
          [target.id],
        );
        const next = candidates.find((x) => x.id !== channel_manager_id);
        if (next) {
          return {
            query: `mutation($d: ID!, $u: ID!, $v: Int!) { assignChannelManager(distributorId: $d, userId: $u, expectedVersion: $v) { ${DISTRIBUTOR_FIELDS} } }`,
            variables: { d: target.id, u: next.id, v: version },
          };
        }
      }
      throw new Error(`no distributor of ${user.email} can change its channel manager`);
    },
    foreign: async ({ user, ds }) => {
      const query = `mutation($d: ID!, $u: ID!, $v: Int!) { assignChannelManager(distributorId: $d, userId: $u, expectedVersion: $v) { id name } }`;
      const own = expectedDistributors(user)[0];
      const [{ version }] = await ds.query(`SELECT version FROM distributor WHERE id = $1`, [own.id]);
      const otherBrandCm = USERS.find((x) => x.brandId !== user.brandId && x.role === Role.CHANNEL_MANAGER)!;
      return [
        ...foreignDistributors(user).map((d) => ({ query, variables: { d: d.id, u: cmOfBrand(d.brandId).id, v: 1 } })),
        // a channel manager of another brand is not a choice either, and is not named back
        { query, variables: { d: own.id, u: otherBrandCm.id, v: version } },
      ];
    },
    mutates: true,
  },
  ...moduleOperations(),
};

/** The operations each module's `*.isolation.ts` exports (as `*_OPERATIONS`), in the modules' order; an operation in two tables is an error. */
function moduleOperations(): Record<string, OperationCase> {
  const all: Record<string, OperationCase> = {};
  for (const { module, file, exports } of moduleTables('isolation')) {
    for (const [name, table] of Object.entries(exports)) {
      if (!name.endsWith('_OPERATIONS')) continue;
      for (const [operation, op] of Object.entries(table as Record<string, OperationCase>)) {
        if (operation in all) throw new Error(`${module}/${file}: ${operation} is in another table already`);
        all[operation] = op;
      }
    }
  }
  return all;
}
