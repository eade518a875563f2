import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { Can } from '../../auth/can';
import { Hospital, HospitalContact, HospitalContactFact } from './hospital.entity';
import { ContactInput, RetireContactInput, UpdateContactInput } from './hospital.inputs';
import { HospitalContactFactType, HospitalContactType, HospitalType } from './hospital.types';

/** The decision chain: contacts added, changed and retired, each change a fact of their history. */
@Resolver(() => HospitalContactType)
export class DecisionChainResolver {
  @Can('hospital.edit')
  @Mutation(() => HospitalType)
  addHospitalContact(
    @Arg('hospitalId', () => ID) hospitalId: string,
    @Arg('input') input: ContactInput,
    @Ctx() ctx: GqlContext,
  ): Promise<Hospital> {
    return ctx.services.decisionChain.add(requireScope(ctx), hospitalId, input);
  }

  @Can('hospital.edit')
  @Mutation(() => HospitalContactType, {
    description: 'Title, role, relation to the brand: the change appended to their history',
  })
  updateHospitalContact(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateContactInput,
    @Ctx() ctx: GqlContext,
  ): Promise<HospitalContact> {
    return ctx.services.decisionChain.update(requireScope(ctx), id, input);
  }

  @Can('hospital.edit')
  @Mutation(() => HospitalContactType, { description: 'The contact left on a day; kept, with their history' })
  retireHospitalContact(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: RetireContactInput,
    @Ctx() ctx: GqlContext,
  ): Promise<HospitalContact> {
    return ctx.services.decisionChain.retire(requireScope(ctx), id, input);
  }

  /** Every fact of the contact, oldest first. */
  @Can('hospital.readContacts')
  @FieldResolver(() => [HospitalContactFactType])
  history(@Root() c: HospitalContact, @Ctx() ctx: GqlContext): Promise<HospitalContactFact[]> {
    return loadersOf(ctx).contactHistoryByContactId.load(c.id);
  }
}
