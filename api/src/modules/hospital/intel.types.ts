import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('HospitalNote')
export class HospitalNoteType {
  @Field(() => ID)
  id: string;

  @Field()
  body: string;

  @Field()
  createdAt: Date;
}

@ObjectType('ServingReport', { description: 'A distributor reported serving the hospital, as heard' })
export class ServingReportType {
  @Field(() => ID)
  id: string;

  @Field()
  distributorName: string;

  @Field(() => String, { nullable: true })
  products: string | null;

  @Field()
  createdAt: Date;
}
