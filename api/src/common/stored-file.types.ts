import { Field, ID, Int, ObjectType } from 'type-graphql';

/** What clients see of a stored file (stored-file.entity.ts): the bytes themselves are a download of their own. */
@ObjectType()
export abstract class StoredFileFields {
  @Field(() => ID)
  id: string;

  @Field()
  fileName: string;

  @Field()
  fileMime: string;

  @Field(() => Int)
  fileSize: number;
}
