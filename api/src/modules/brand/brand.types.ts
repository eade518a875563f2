import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Brand')
export class BrandType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  code: string;
}
