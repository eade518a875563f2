import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { RegionLevel } from '@medchannel/shared-schema';

registerEnumType(RegionLevel, { name: 'RegionLevel', description: 'Province, or a city under it' });

@ObjectType('Region')
export class RegionType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  code: string;

  @Field(() => RegionLevel)
  level: RegionLevel;

  @Field(() => ID, { nullable: true })
  parentId: string | null;
}
