import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MailKind } from '@medchannel/shared-schema';
import { Connection } from '../../common/pagination';

registerEnumType(MailKind, { name: 'MailKind' });

@ObjectType('MailMessage', { description: 'An e-mail the API sent (or keeps, without an SMTP server)' })
export class MailMessageType {
  @Field(() => ID)
  id: string;

  @Field()
  toAddress: string;

  @Field(() => MailKind)
  kind: MailKind;

  @Field()
  subject: string;

  @Field(() => String, {
    nullable: true,
    description: 'The text, only while mail is kept in the database (no SMTP server): dropped once sent',
  })
  body: string | null;

  @Field({ description: 'Kept in the database instead of sent: no SMTP server is set' })
  kept: boolean;

  @Field(() => Int)
  attempts: number;

  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null;

  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class MailMessageConnection extends Connection(MailMessageType) {}
