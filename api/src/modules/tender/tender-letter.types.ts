import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsUUID } from 'class-validator';
import { AuthorizationStatus } from '@medchannel/shared-schema';
import { LocalDateScalar } from '../../common/dates';
import { IdField, OptionalIdField, TextField } from '../../common/fields';

@ObjectType('TenderLetter', {
  description: '授权书 for one tender: the brand authorizes the distributor to bid it for these products',
})
export class TenderLetterType {
  @Field(() => ID, { description: 'The letter’s number, printed on it and checked on the public page' })
  id: string;

  @Field({ description: 'The project’s name (项目名称)' })
  project: string;

  @Field(() => LocalDateScalar)
  validFrom: string;

  @Field(() => LocalDateScalar, { description: 'The bid opening’s day at the latest' })
  validTo: string;

  @Field(() => AuthorizationStatus, {
    description: 'Today: ACTIVE, EXPIRED, or REVOKED once a grant it rests on is',
  })
  status: AuthorizationStatus;

  @Field()
  createdAt: Date;
}

@InputType()
export class IssueTenderLetterInput {
  @IdField('An open or submitted tender whose opportunity is a distributor’s')
  tenderId: string;

  @Field(() => [ID], { description: 'Products the tender may quote, each covered by the distributor’s authorization' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  productIds: string[];

  @TextField(1, 200, 'The project’s name (项目名称) as the tender documents give it')
  project: string;

  @OptionalIdField('Made once per letter by the client: a retry with it returns the first letter')
  idempotencyKey?: string | null;
}
