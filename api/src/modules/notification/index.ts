import { GroupRobot, Notification, NotificationPreference } from './notification.entity';
import { defineModule, type ModuleCore } from '../module';
import type { OutboxServices } from '../outbox';
import { NotificationResolver } from './notification.resolver';
import { NotificationService } from './notification.service';
import { PreferenceService } from './preference.service';
import { RobotService } from './robot.service';
import { RobotResolver } from './robot.resolver';
import { RobotChannel } from './robot-channel';
import { RobotLogService } from './robot-log.service';
import { EmailChannel } from './email-channel';
import { NoticeJobs } from './notice-jobs';
import { NoticeChannels1767200000000 } from './1767200000000-NoticeChannels';

function notificationServices({ ds, config }: ModuleCore, deps: OutboxServices) {
  const notifications = new NotificationService(ds, deps.outbox);
  // both channels link a notice to its record in the person's app
  const apps = { console: config.consoleUrl, portal: config.portalUrl };
  notifications.addChannel(new RobotChannel(ds, deps.outbox, deps.outbox.targetPolicy, apps));
  notifications.addChannel(new EmailChannel(deps.mail, apps));
  return {
    notifications,
    noticePreferences: new PreferenceService(ds),
    robots: new RobotService(ds, deps.outbox.targetPolicy),
    robotLog: new RobotLogService(ds, deps.outbox),
    noticeJobs: new NoticeJobs(ds, notifications, config.nearExpiryDays),
  };
}
export type NotificationServices = ReturnType<typeof notificationServices>;

export const notificationModule = defineModule({
  name: 'notification',
  entities: () => [Notification, NotificationPreference, GroupRobot],
  migrations: () => [NoticeChannels1767200000000],
  services: notificationServices,
  resolvers: () => [NotificationResolver, RobotResolver],
});

// What other modules (and tests) may use from this one
export * from './notification.service';
export * from './notification.entity';
