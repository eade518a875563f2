import type { Scope } from '../../auth/scope';
import { byId } from '../../common/loaders';
import { defineModule, type ModuleCore } from '../module';
import { Person, User, UserRegion } from './user.entity';
import { Persons1768400000000 } from './1768400000000-Persons';
import { UserResolver } from './user.resolver';
import { UserService } from './user.service';

function userServices({ ds }: ModuleCore) {
  return { users: new UserService(ds) };
}
export type UserServices = ReturnType<typeof userServices>;

function userLoaders(services: UserServices, scope: Scope) {
  return { userById: byId<User>((ids) => services.users.byIds(scope, ids)) };
}

export const userModule = defineModule({
  name: 'user',
  entities: () => [Person, User, UserRegion],
  migrations: () => [Persons1768400000000],
  services: userServices,
  loaders: userLoaders,
  resolvers: () => [UserResolver],
});

// What other modules (and tests) may use from this one
export * from './user.entity';
export * from './user.types';
export * from './user.service';
