import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { GLOBAL_SEARCH_MAX_LENGTH, GLOBAL_SEARCH_MIN_LENGTH } from '@medchannel/shared-schema';
import { TextField } from '../../common/fields';
import { PageSize } from '../../common/page-size';
import { DistributorType } from '../distributor';
import { HospitalType } from '../hospital';
import { OrderType } from '../order';
import { UserType } from '../user';
import { VisitNoteType } from '../visit';

/** The most matches of one kind a search answers. */
const GLOBAL_SEARCH_MAX_FIRST = 10;

@ArgsType()
export class GlobalSearchArgs {
  @TextField(
    GLOBAL_SEARCH_MIN_LENGTH,
    GLOBAL_SEARCH_MAX_LENGTH,
    'What to look for (at least 2 characters, blanks aside)',
  )
  text!: string;

  @Field(() => Int, { defaultValue: 5, description: 'How many matches of each kind to answer' })
  @PageSize(1, GLOBAL_SEARCH_MAX_FIRST)
  first: number = 5;
}

/** One kind's first matches (ids, in its list's order) and how many there are in all. */
export interface KindIds {
  totalCount: number;
  ids: string[];
}

@ObjectType('HospitalSearchHits', { description: 'Hospitals found: the first few, as the hospitals list orders them' })
class HospitalSearchHits {
  @Field(() => Int, { description: 'All matches the hospitals list holds (its search filter)' })
  totalCount!: number;
  @Field(() => [HospitalType])
  nodes!: HospitalType[];
}

@ObjectType('DistributorSearchHits', { description: 'Distributors found, as the distributors list orders them' })
class DistributorSearchHits {
  @Field(() => Int)
  totalCount!: number;
  @Field(() => [DistributorType])
  nodes!: DistributorType[];
}

@ObjectType('OrderSearchHits', { description: 'Orders found (number, hospital or distributor), newest first' })
class OrderSearchHits {
  @Field(() => Int)
  totalCount!: number;
  @Field(() => [OrderType])
  nodes!: OrderType[];
}

@ObjectType('VisitNoteSearchHits', {
  description: 'Visit notes found (outcome, next steps, commitments), newest visit first',
})
class VisitNoteSearchHits {
  @Field(() => Int)
  totalCount!: number;
  @Field(() => [VisitNoteType])
  nodes!: VisitNoteType[];
}

@ObjectType('PersonSearchHits', {
  description: 'The brand’s people found (name or e-mail), as the people list reads them',
})
class PersonSearchHits {
  @Field(() => Int)
  totalCount!: number;
  @Field(() => [UserType])
  nodes!: UserType[];
}

@ObjectType('GlobalSearchResult', {
  description: 'The console’s search, per kind; a kind the viewer’s role does not list is null',
})
export class GlobalSearchResult {
  @Field(() => HospitalSearchHits, { nullable: true })
  hospitals!: object | null;
  @Field(() => DistributorSearchHits, { nullable: true })
  distributors!: object | null;
  @Field(() => OrderSearchHits, { nullable: true })
  orders!: object | null;
  @Field(() => VisitNoteSearchHits, { nullable: true })
  visitNotes!: object | null;
  @Field(() => PersonSearchHits, { nullable: true })
  people!: object | null;
}
