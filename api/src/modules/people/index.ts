import { defineModule, type ModuleCore } from '../module';
import type { OutboxServices } from '../outbox';
import type { NotificationServices } from '../notification';
import type { UserService } from '../user';
import { financeAccessMail } from './people.mail';
import { AccessLink } from './access-link.entity';
import { AccessService } from './access.service';
import { PeopleResolver } from './people.resolver';
import { PeopleService } from './people.service';
import { HandoverService } from './handover.service';
import { People1767000000001 } from './1767000000001-People';

function peopleServices(
  { ds, config }: ModuleCore,
  deps: OutboxServices & NotificationServices & { users: UserService },
) {
  const access = new AccessService(ds, config, deps.mail);
  // the finance switch lives with the user; the person is told of it by e-mail, with the change
  deps.users.onAccessChange((em, user) =>
    deps.mail.queue(em, user.brandId, financeAccessMail(user, user.financeAccess)),
  );
  const people = new PeopleService(ds, access, deps.mail);
  return { access, people, handover: new HandoverService(ds, people, deps.notifications) };
}

export const peopleModule = defineModule({
  name: 'people',
  entities: () => [AccessLink],
  migrations: () => [People1767000000001],
  services: peopleServices,
  resolvers: () => [PeopleResolver],
});
