import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { HomeTodoKind, QualificationType } from '@medchannel/shared-schema';
import { LocalDateScalar } from '../../common/dates';

registerEnumType(HomeTodoKind, { name: 'HomeTodoKind', description: 'What waits for the viewer on the home page' });

@ObjectType('HomeTodoRecord', { description: 'One record a to-do is about; which fields are set depends on the kind' })
export class HomeTodoRecordType {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: 'A statement’s month (YYYY-MM)' })
  period?: string | null;

  @Field(() => Int, { nullable: true, description: 'A statement’s version' })
  version?: number | null;

  @Field(() => Date, { nullable: true, description: 'A co-visit’s start' })
  startsAt?: Date | null;

  @Field(() => QualificationType, { nullable: true, description: 'A document’s kind' })
  documentType?: QualificationType | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'A document’s last valid day' })
  validTo?: string | null;
}

@ObjectType('HomeTodo', {
  description: 'A kind of work waiting for the viewer, counted as the list it links to counts it',
})
export class HomeTodoType {
  @Field(() => HomeTodoKind)
  kind: HomeTodoKind;

  @Field(() => Int, { description: 'How many wait: the number of rows the linked list shows' })
  count: number;

  @Field(() => [HomeTodoRecordType], {
    description: `The first few (${5}) of them where the to-do links to records rather than a list: statements to confirm, co-visits to answer, documents expiring`,
  })
  records: HomeTodoRecordType[];
}
