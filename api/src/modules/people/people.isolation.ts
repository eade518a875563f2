import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OWNER_INVITE_STAGES, Role, can, rolesFor, rolesForAny } from '@medchannel/shared-schema';
import { DEMO_PASSWORD, REGIONS, SeedUser, USERS } from '../../db/seed/demo-data';
import { expectedDistributors, foreignDistributors, foreignUsers } from '../../../test/personas';
import type { CaseInput, OperationCase } from '../../../test/isolation/types';
import { sha256 } from './access.service';

const PERSON = `id email role status version`;
const fresh = (tag: string) => `iso-${tag}-${randomUUID().slice(0, 8)}@people.demo`;
const foreignRegion = (user: SeedUser) => REGIONS.find((r) => r.brandId !== user.brandId)!;
const ownRegion = (user: SeedUser) => REGIONS.find((r) => r.brandId === user.brandId)!;

/** Someone the persona has just invited and so manages (an engineer, an owner or a rep), for the calls that act on a person. */
async function invited({ user, client, ds }: CaseInput): Promise<{ id: string; version: number } | null> {
  let r;
  if (can(user.role, 'people.manage')) {
    r = await client.request(`mutation($i: InviteBrandUserInput!) { inviteBrandUser(input: $i) { id version } }`, {
      i: {
        email: fresh('brand'),
        displayName: '被邀请人',
        role: Role.ENGINEER,
        regionIds: [],
        requestKey: randomUUID(),
      },
    });
    return r.data?.inviteBrandUser ?? null;
  }
  if (can(user.role, 'distributor.inviteOwner')) {
    const d = await ownerDistributor(user, ds);
    r = await client.request(`mutation($i: InviteOwnerInput!) { inviteDistributorOwner(input: $i) { id version } }`, {
      i: { distributorId: d, email: fresh('owner'), displayName: '被邀请人', requestKey: randomUUID() },
    });
    return r.data?.inviteDistributorOwner ?? null;
  }
  if (can(user.role, 'team.manage')) {
    r = await client.request(`mutation($i: InviteRepInput!) { inviteRep(input: $i) { id version } }`, {
      i: { email: fresh('rep'), displayName: '被邀请人', financeAccess: false, requestKey: randomUUID() },
    });
    return r.data?.inviteRep ?? null;
  }
  return null;
}

/** A distributor the persona sees that is far enough along to have its owner invited. */
async function ownerDistributor(user: SeedUser, ds: DataSource): Promise<string> {
  const ids = expectedDistributors(user).map((d) => d.id);
  const [row] = await ds.query(
    `SELECT id FROM distributor WHERE id = ANY($1) AND stage = ANY($2) ORDER BY code LIMIT 1`,
    [ids.length ? ids : [randomUUID()], OWNER_INVITE_STAGES],
  );
  return row?.id ?? expectedDistributors(user)[0]?.id ?? randomUUID();
}

/** An invited person of the persona's brand with a link whose token we know (inserted straight), for setting a password. */
async function linkFor(user: SeedUser, ds: DataSource): Promise<string> {
  const token = randomUUID();
  const [person] = await ds.query(
    `INSERT INTO app_user (brand_id, email, display_name, side, role, activated_at)
     VALUES ($1, $2, '受邀者', 'BRAND', 'ENGINEER', NULL) RETURNING id`,
    [user.brandId, fresh('link')],
  );
  await ds.query(
    `INSERT INTO access_link (brand_id, user_id, kind, token_hash, expires_at) VALUES ($1, $2, 'INVITATION', $3, now() + interval '1 hour')`,
    [user.brandId, person.id, sha256(token)],
  );
  return token;
}

const foreignUserIds = (user: SeedUser) => foreignUsers(user).map((x) => x.id);

/** People and access: invitations, roles and regions, disabling, passwords and one's own sessions. */
export const PEOPLE_OPERATIONS: Record<string, OperationCase> = {
  inviteBrandUser: {
    allowed: rolesFor('people.manage'),
    own: ({ user }) => ({
      query: `mutation($i: InviteBrandUserInput!) { inviteBrandUser(input: $i) { ${PERSON} regions { id } } }`,
      variables: {
        i: {
          email: fresh('brand'),
          displayName: '新同事',
          role: Role.TRAINER,
          regionIds: [ownRegion(user).id],
          requestKey: randomUUID(),
        },
      },
    }),
    foreign: ({ user }) => [
      {
        query: `mutation($i: InviteBrandUserInput!) { inviteBrandUser(input: $i) { id } }`,
        variables: {
          i: {
            email: fresh('brand'),
            displayName: '新同事',
            role: Role.TRAINER,
            regionIds: [foreignRegion(user).id],
            requestKey: randomUUID(),
          },
        },
      },
    ],
    mutates: true,
  },
  inviteDistributorOwner: {
    allowed: rolesFor('distributor.inviteOwner'),
    own: async ({ user, ds }) => ({
      query: `mutation($i: InviteOwnerInput!) { inviteDistributorOwner(input: $i) { ${PERSON} distributor { id name } } }`,
      variables: {
        i: {
          distributorId: await ownerDistributor(user, ds),
          email: fresh('owner'),
          displayName: '新老板',
          requestKey: randomUUID(),
        },
      },
    }),
    foreign: ({ user }) =>
      foreignDistributors(user).map((d) => ({
        query: `mutation($i: InviteOwnerInput!) { inviteDistributorOwner(input: $i) { id } }`,
        variables: {
          i: { distributorId: d.id, email: fresh('owner'), displayName: '新老板', requestKey: randomUUID() },
        },
      })),
    mutates: true,
  },
  inviteRep: {
    allowed: rolesFor('team.manage'),
    own: () => ({
      query: `mutation($i: InviteRepInput!) { inviteRep(input: $i) { ${PERSON} distributor { id name } } }`,
      variables: { i: { email: fresh('rep'), displayName: '新代表', financeAccess: true, requestKey: randomUUID() } },
    }),
    mutates: true,
  },
  resendInvitation: {
    allowed: rolesForAny(['people.manage', 'distributor.inviteOwner', 'team.manage']),
    own: async (p) => ({
      query: `mutation($id: ID!) { resendInvitation(userId: $id) { ${PERSON} } }`,
      variables: { id: (await invited(p))?.id ?? randomUUID() },
    }),
    foreign: ({ user }) =>
      foreignUserIds(user).map((id) => ({
        query: `mutation($id: ID!) { resendInvitation(userId: $id) { id } }`,
        variables: { id },
      })),
    mutates: true,
  },
  updateBrandUser: {
    allowed: rolesFor('people.manage'),
    own: async (p) => {
      const person = await invited(p);
      return {
        query: `mutation($i: UpdateBrandUserInput!) { updateBrandUser(input: $i) { ${PERSON} regions { id } } }`,
        variables: {
          i: {
            userId: person?.id ?? randomUUID(),
            role: Role.ORDER_DESK,
            regionIds: [ownRegion(p.user).id],
            expectedVersion: person?.version ?? 1,
          },
        },
      };
    },
    foreign: ({ user }) =>
      foreignUserIds(user).map((id) => ({
        query: `mutation($i: UpdateBrandUserInput!) { updateBrandUser(input: $i) { id } }`,
        variables: { i: { userId: id, role: Role.ORDER_DESK, regionIds: [], expectedVersion: 1 } },
      })),
    mutates: true,
  },
  setUserDisabled: {
    allowed: rolesForAny(['people.manage', 'distributor.managePeople', 'team.manage']),
    own: async (p) => ({
      query: `mutation($id: ID!) { setUserDisabled(userId: $id, disabled: true) { ${PERSON} } }`,
      variables: { id: (await invited(p))?.id ?? randomUUID() },
    }),
    foreign: ({ user }) =>
      foreignUserIds(user).map((id) => ({
        query: `mutation($id: ID!) { setUserDisabled(userId: $id, disabled: true) { id } }`,
        variables: { id },
      })),
    mutates: true,
  },
  userHoldings: {
    allowed: rolesForAny(['people.manage', 'distributor.managePeople', 'team.manage']),
    own: async (p) => ({
      query: `query($id: ID!) { userHoldings(userId: $id, first: 20) { totalCount nodes { id goal hospital { name } } } }`,
      variables: { id: (await invited(p))?.id ?? randomUUID() },
    }),
    foreign: ({ user }) =>
      foreignUserIds(user).map((id) => ({
        query: `query($id: ID!) { userHoldings(userId: $id, first: 20) { totalCount nodes { id } } }`,
        variables: { id },
      })),
  },
  handOverCoVisits: {
    allowed: rolesForAny(['people.manage', 'distributor.managePeople', 'team.manage']),
    // from one person the persona just invited to another: nothing open to move, the hand-over itself is audited
    own: async (p) => ({
      query: `mutation($from: ID!, $to: ID!) { handOverCoVisits(fromUserId: $from, toUserId: $to) }`,
      variables: { from: (await invited(p))?.id ?? randomUUID(), to: (await invited(p))?.id ?? randomUUID() },
    }),
    foreign: async (p) => {
      const mine = (await invited(p))?.id ?? randomUUID();
      return foreignUserIds(p.user).flatMap((id) => [
        {
          query: `mutation($from: ID!, $to: ID!) { handOverCoVisits(fromUserId: $from, toUserId: $to) }`,
          variables: { from: id, to: mine },
        },
        {
          query: `mutation($from: ID!, $to: ID!) { handOverCoVisits(fromUserId: $from, toUserId: $to) }`,
          variables: { from: mine, to: id },
        },
      ]);
    },
    mutates: true,
  },
  userTaskHoldings: {
    allowed: rolesForAny(['people.manage', 'distributor.managePeople', 'team.manage']),
    own: async (p) => ({
      query: `query($id: ID!) { userTaskHoldings(userId: $id, first: 20) { totalCount nodes { id title dueOn note { id hospital { name } } } } }`,
      variables: { id: (await invited(p))?.id ?? randomUUID() },
    }),
    foreign: ({ user }) =>
      foreignUserIds(user).map((id) => ({
        query: `query($id: ID!) { userTaskHoldings(userId: $id, first: 20) { totalCount nodes { id } } }`,
        variables: { id },
      })),
  },
  handOverWork: {
    allowed: rolesForAny(['people.manage', 'distributor.managePeople', 'team.manage']),
    // from one person the persona just invited to another: nothing open to move, the hand-over itself is audited
    own: async (p) => ({
      query: `mutation($i: HandOverWorkInput!) { handOverWork(input: $i) { coVisits tasks } }`,
      variables: {
        i: { fromUserId: (await invited(p))?.id ?? randomUUID(), toUserId: (await invited(p))?.id ?? randomUUID() },
      },
    }),
    foreign: async (p) => {
      const mine = (await invited(p))?.id ?? randomUUID();
      return foreignUserIds(p.user).flatMap((id) => [
        {
          query: `mutation($i: HandOverWorkInput!) { handOverWork(input: $i) { coVisits tasks } }`,
          variables: { i: { fromUserId: id, toUserId: mine } },
        },
        {
          query: `mutation($i: HandOverWorkInput!) { handOverWork(input: $i) { coVisits tasks } }`,
          variables: { i: { fromUserId: mine, toUserId: id } },
        },
      ]);
    },
    mutates: true,
  },
  requestPasswordReset: {
    allowed: 'anyone',
    ownClient: ({ fresh: anonymous }) => anonymous(),
    own: ({ user }) => ({
      query: `mutation($e: String!) { requestPasswordReset(email: $e) }`,
      variables: { e: user.email },
    }),
  },
  setPasswordWithLink: {
    allowed: 'anyone',
    ownClient: ({ fresh: anonymous }) => anonymous(),
    own: async ({ user, ds }) => ({
      query: `mutation($t: String!, $p: String!) { setPasswordWithLink(token: $t, password: $p) }`,
      variables: { t: await linkFor(user, ds), p: 'Harbour-Lantern-42' },
    }),
  },
  changePassword: {
    allowed: 'any',
    // changed and changed back in one document (mutations run in order), so the persona's password stays the seed's
    own: () => ({
      query: `mutation($a: String!, $b: String!) { to: changePassword(currentPassword: $a, newPassword: $b)
        back: changePassword(currentPassword: $b, newPassword: $a) }`,
      variables: { a: DEMO_PASSWORD, b: 'Harbour-Lantern-42' },
    }),
    mutates: true,
  },
  mySessions: {
    allowed: 'any',
    own: () => ({ query: `{ mySessions { id audience device ip createdAt lastUsedAt current } }` }),
  },
  revokeSessions: {
    allowed: 'any',
    own: () => ({ query: `mutation { revokeSessions }` }),
    foreign: async ({ user, ds }) => {
      const sessions: Array<{ id: string }> = await ds.query(
        `SELECT id FROM session WHERE user_id = ANY($1) AND revoked_at IS NULL LIMIT 3`,
        [foreignUserIds(user)],
      );
      return sessions.map((s) => ({
        query: `mutation($id: ID!) { revokeSessions(sessionId: $id) }`,
        variables: { id: s.id },
      }));
    },
  },
  myMemberships: {
    allowed: 'any',
    own: () => ({ query: `{ myMemberships { id brandName distributorName role current } }` }),
  },
  switchMembership: {
    allowed: 'any',
    // to the persona's own (only) membership: the session is issued anew, on the persona's client
    own: ({ user }) => ({
      query: `mutation($id: ID!) { switchMembership(userId: $id) { id displayName brand { name } } }`,
      variables: { id: user.id },
    }),
    // anyone else's membership, seen or not (another person of the brand, the other brand's users)
    foreign: ({ user }) =>
      [
        ...foreignUserIds(user).slice(0, 4),
        ...USERS.filter((x) => x.brandId === user.brandId && x.email !== user.email)
          .slice(0, 2)
          .map((x) => x.id),
      ].map((id) => ({
        query: `mutation($id: ID!) { switchMembership(userId: $id) { id displayName } }`,
        variables: { id },
      })),
    mutates: true,
  },
};
