import { isIP } from 'node:net';
import { DataSource } from 'typeorm';
import { RobotProvider, Side } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { audit, diff } from '../../common/audit';
import { badInput } from '../../common/errors';
import { inCidr, ipBytes } from '../../common/ip-ranges';
import { assertVersion } from '../../common/versioning';
import { TargetError, TargetPolicy, resolveTarget } from '../outbox';
import { GroupRobot } from './notification.entity';

export interface RobotInput {
  provider: RobotProvider;
  url: string;
  /** DingTalk's signing secret; null keeps the one set, '' removes it */
  secret: string | null;
  enabled: boolean;
  expectedVersion: number | null;
}

/** Where each provider's robots live: a robot URL elsewhere is a typing mistake (or a probe). */
const HOSTS: Record<RobotProvider, string> = {
  [RobotProvider.WECOM]: 'qyapi.weixin.qq.com',
  [RobotProvider.DINGTALK]: 'oapi.dingtalk.com',
};

/**
 * The group robots of the viewer's own side: a brand admin's are the brand's, an owner's are his
 * distributor's. The URL (which carries the robot's token) and the secret are written, never read
 * back: the screens show whether they are set.
 */
export class RobotService {
  constructor(
    private readonly ds: DataSource,
    private readonly policy: TargetPolicy,
  ) {}

  list(scope: Scope): Promise<GroupRobot[]> {
    return applyScope(this.ds.getRepository(GroupRobot).createQueryBuilder('g'), scope, 'groupRobot')
      .addSelect('g.secret')
      .orderBy('g.provider')
      .getMany();
  }

  async set(scope: Scope, input: RobotInput): Promise<GroupRobot> {
    let url: URL;
    try {
      url = new URL(input.url.trim());
    } catch {
      throw badInput('url', 'Not a URL');
    }
    // the real robots are https on their provider's host; an address allowed in the server settings stands in (tests, an intranet relay)
    const onProvider = url.protocol === 'https:' && url.hostname.toLowerCase() === HOSTS[input.provider];
    if (!onProvider && !this.allowListed(url))
      throw badInput('url', `A ${input.provider} robot's address is https://${HOSTS[input.provider]}/…`);
    await resolveTarget(url, this.policy).catch((err) => {
      throw err instanceof TargetError
        ? badInput('url', 'The robot must be a public address that resolves (or one allowed in the server settings)')
        : err;
    });
    const secret = input.secret === null ? null : input.secret.trim();
    if (secret !== null && secret.length > 200) throw badInput('secret', 'At most 200 characters');
    return this.ds.transaction(async (em) => {
      const existing = await applyScope(em.getRepository(GroupRobot).createQueryBuilder('g'), scope, 'groupRobot')
        .andWhere('g.provider = :provider', { provider: input.provider })
        .setLock('pessimistic_write')
        .getOne();
      const distributorId = scope.side === Side.PARTNER ? scope.distributorId : null;
      if (!existing) {
        const created = await em.save(
          em.create(GroupRobot, {
            brandId: scope.brandId,
            distributorId,
            provider: input.provider,
            url: url.toString(),
            secret: secret || null,
            enabled: input.enabled,
          }),
        );
        await audit(em, scope, 'SET_GROUP_ROBOT', 'group_robot', created.id, {
          provider: created.provider,
          enabled: created.enabled,
          secret: created.secret ? 'set' : 'none',
        });
        return created;
      }
      if (input.expectedVersion !== null) assertVersion(existing, input.expectedVersion, 'groupRobot');
      const changes = diff(existing, { enabled: input.enabled });
      Object.assign(
        existing,
        { url: url.toString(), enabled: input.enabled },
        secret === null ? {} : { secret: secret || null },
      );
      const saved = await em.save(existing);
      await audit(em, scope, 'SET_GROUP_ROBOT', 'group_robot', saved.id, {
        ...changes,
        url: 'changed',
        ...(secret === null ? {} : { secret: secret ? 'set' : 'removed' }),
      });
      return saved;
    });
  }

  private allowListed(url: URL): boolean {
    if (!['http:', 'https:'].includes(url.protocol)) return false;
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (this.policy.allowHosts.includes(host)) return true;
    const bytes = isIP(host) ? ipBytes(host) : null;
    return bytes !== null && this.policy.allowCidrs.some((range) => inCidr(bytes, range));
  }
}
