import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, Length, Matches, Min } from 'class-validator';
import { DeviceClass, QualificationType } from '@medchannel/shared-schema';
import { LocalDateScalar } from '../../common/dates';
import { IdField } from '../../common/fields';
import { QualificationRenewalStatus } from './qualification-renewal.entity';

registerEnumType(QualificationRenewalStatus, {
  name: 'QualificationRenewalStatus',
  description: 'PENDING until the brand approves (it becomes the current document) or rejects it (with a reason)',
});

@ObjectType('QualificationRenewal', {
  description: 'A renewal an owner proposed for one of his documents; it counts for nothing until approved',
})
export class QualificationRenewalType {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: 'The document it renews' })
  qualificationId: string;

  @Field(() => QualificationType)
  type: QualificationType;

  @Field()
  number: string;

  @Field(() => [DeviceClass])
  deviceClasses: DeviceClass[];

  @Field(() => LocalDateScalar)
  validFrom: string;

  @Field(() => LocalDateScalar, { nullable: true })
  validTo: string | null;

  @Field(() => QualificationRenewalStatus)
  status: QualificationRenewalStatus;

  @Field(() => String, { nullable: true, description: 'Why the brand rejected it' })
  rejectReason: string | null;

  @Field(() => Int)
  version: number;
}

@InputType()
export class ProposeQualificationRenewalInput {
  @IdField('The document to renew (one of the owner’s company’s)')
  qualificationId: string;

  @Field()
  @Length(2, 80)
  number: string;

  @Field(() => [DeviceClass], { defaultValue: [], description: 'What the new document covers (licences by class)' })
  @ArrayMaxSize(3)
  @IsEnum(DeviceClass, { each: true })
  deviceClasses: DeviceClass[];

  @Field(() => LocalDateScalar)
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  validFrom: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  validTo?: string;

  @IdField('Made once per proposal by the client: a retry with it returns the first result')
  idempotencyKey: string;
}

@InputType()
export class DecideQualificationRenewalInput {
  @IdField('The proposal')
  renewalId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@InputType()
export class RejectQualificationRenewalInput extends DecideQualificationRenewalInput {
  @Field()
  @Length(2, 500)
  reason: string;
}
