import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { Can } from '../../auth/can';
import { Page, PageArgs } from '../../common/pagination';
import { MoneyType, money } from '../product';
import { Distributor, DistributorType } from '../distributor';
import { User, UserType } from '../user';
import { AccountCredit } from './account-credit.entity';
import {
  AccountCreditConnection,
  AccountCreditFilter,
  AccountCreditType,
  PostAccountCreditInput,
} from './account-credit.types';

@Resolver(() => AccountCreditType)
export class AccountCreditResolver {
  @Can('finance.read')
  @Query(() => AccountCreditConnection, { description: 'Credit notes and rebates posted by hand, newest day first' })
  accountCredits(
    @Args() page: PageArgs,
    @Arg('filter', () => AccountCreditFilter, { nullable: true }) filter: AccountCreditFilter | undefined,
    @Ctx() ctx: GqlContext,
  ): Promise<Page<AccountCredit>> {
    return ctx.services.accountCredits.list(requireScope(ctx), page, filter);
  }

  @Can('finance.keepAccounts')
  @Mutation(() => AccountCreditType, {
    description:
      'Posts a credit note or rebate with its reason; it lowers the balance. The same key again changes nothing',
  })
  postAccountCredit(@Arg('input') input: PostAccountCreditInput, @Ctx() ctx: GqlContext): Promise<AccountCredit> {
    return ctx.services.accountCredits.post(requireScope(ctx), input);
  }

  @FieldResolver(() => MoneyType)
  amount(@Root() c: AccountCredit): MoneyType {
    return money(c.amount, c.currency);
  }

  @FieldResolver(() => DistributorType, { nullable: true })
  distributor(@Root() c: AccountCredit, @Ctx() ctx: GqlContext): Promise<Distributor | null> {
    return loadersOf(ctx).distributorById.load(c.distributorId);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who posted it' })
  postedBy(@Root() c: AccountCredit, @Ctx() ctx: GqlContext): Promise<User | null> {
    return loadersOf(ctx).userById.load(c.createdBy);
  }
}
