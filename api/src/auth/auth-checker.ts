import { AuthChecker } from 'type-graphql';
import { ErrorReason, Role } from '@medchannel/shared-schema';
import { AppError, ErrorCode } from '../common/errors';
import { GqlContext, requireScope } from '../context';

/** The one judge behind every @Authorized(): logged in at all, then the role. Records are the scope's business. */
export const authChecker: AuthChecker<GqlContext, Role> = ({ context }, roles) => {
  const scope = requireScope(context);
  if (roles.length > 0 && !roles.includes(scope.role)) {
    throw new AppError(ErrorCode.FORBIDDEN, 'Your role may not do this', undefined, ErrorReason.ROLE_NOT_ALLOWED);
  }
  return true;
};
