import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationChannel } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { audit } from '../../common/audit';
import { badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { Page, PageArgs, paginate } from '../../common/pagination';
import { WebhookDelivery, type OutboxService } from '../outbox';
import { GroupRobot } from './notification.entity';
import type { RobotDeliveryType } from './robot-log.types';

/** The message a test sends: both languages, nothing of any record. */
const TEST_TEXT = '【MedChannel】测试消息：群机器人已接通。\nTest message: the group robot is connected.';

/**
 * A robot's test message and its delivery log, for the side that set it (the brand's admins, a
 * distributor's owner). The robot id is looked up through the scope: another side's robot answers
 * NOT_FOUND like one that does not exist. A test goes through the outbox like any message (its
 * retries, its log), so the log shows whether the group really got it.
 */
export class RobotLogService {
  constructor(
    private readonly ds: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  private async robot(em: EntityManager, scope: Scope, robotId: string): Promise<GroupRobot> {
    const robot = isUuid(robotId)
      ? await applyScope(em.getRepository(GroupRobot).createQueryBuilder('g'), scope, 'groupRobot')
          .andWhere('g.id = :id', { id: robotId })
          .getOne()
      : null;
    if (!robot) throw notFound('Robot');
    return robot;
  }

  async sendTest(scope: Scope, robotId: string): Promise<boolean> {
    return this.ds.transaction(async (em) => {
      const robot = await this.robot(em, scope, robotId);
      if (!robot.enabled) throw badInput('robotId', 'Turn the robot on before sending it a test message');
      await this.outbox.emitToChannel(em, [
        {
          brandId: robot.brandId,
          channel: NotificationChannel.GROUP_ROBOT,
          type: 'TEST',
          entity: 'group_robot',
          entityId: robot.id,
          payload: { robotId: robot.id, notificationIds: [], text: TEST_TEXT },
          // each press is its own message
          dedupeKey: `robot-test:${robot.id}:${randomUUID()}`,
        },
      ]);
      await audit(em, scope, 'TEST_GROUP_ROBOT', 'group_robot', robot.id, { provider: robot.provider });
      return true;
    });
  }

  /** The robot's recent delivery attempts, newest first, with what each message was. */
  async deliveries(scope: Scope, robotId: string, page: PageArgs): Promise<Page<RobotDeliveryType>> {
    const robot = await this.robot(this.ds.manager, scope, robotId);
    const qb = this.ds
      .getRepository(WebhookDelivery)
      .createQueryBuilder('w')
      .where('w.brand_id = :brand AND w.channel = :channel', {
        brand: robot.brandId,
        channel: NotificationChannel.GROUP_ROBOT,
      })
      .andWhere(
        `w.event_id IN (SELECT o.id FROM outbox_event o WHERE o.brand_id = :brand AND o.channel = :channel AND o.payload->>'robotId' = :robot)`,
        { robot: robot.id },
      );
    const found = await paginate(qb, page, [{ column: 'w.seq', value: (w) => w.seq }], 'DESC');
    const types: Array<{ id: string; type: string }> = found.nodes.length
      ? await this.ds.query(`SELECT id, type FROM outbox_event WHERE id = ANY($1::uuid[])`, [
          found.nodes.map((w) => w.eventId),
        ])
      : [];
    return {
      ...found,
      nodes: found.nodes.map((w) => ({
        id: w.id,
        messageType: types.find((x) => x.id === w.eventId)?.type ?? '',
        attempt: w.attempt,
        statusCode: w.statusCode,
        ok: w.ok,
        error: w.error,
        durationMs: w.durationMs,
        createdAt: w.createdAt,
      })),
    };
  }
}
