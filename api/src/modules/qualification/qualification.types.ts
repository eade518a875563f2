import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsEnum, IsOptional, Length, Matches } from 'class-validator';
import { DeviceClass, QualificationType } from '@medchannel/shared-schema';
import { LocalDateScalar } from '../../common/dates';
import { IdField, OptionalIdField } from '../../common/fields';

registerEnumType(QualificationType, { name: 'QualificationType' });

export enum ExpiryLevel {
  OK = 'OK',
  WITHIN_60_DAYS = 'WITHIN_60_DAYS',
  WITHIN_30_DAYS = 'WITHIN_30_DAYS',
  WITHIN_7_DAYS = 'WITHIN_7_DAYS',
  EXPIRED = 'EXPIRED',
}
registerEnumType(ExpiryLevel, {
  name: 'ExpiryLevel',
  description: 'Warnings at 60, 30 and 7 days before a document expires',
});

@ObjectType('Qualification')
export class QualificationDocType {
  @Field(() => ID)
  id: string;

  @Field(() => QualificationType)
  type: QualificationType;

  @Field()
  number: string;

  @Field(() => [DeviceClass], { description: 'Device classes the document covers' })
  deviceClasses: DeviceClass[];

  @Field(() => LocalDateScalar)
  validFrom: string;

  @Field(() => LocalDateScalar, { nullable: true })
  validTo: string | null;
}

@InputType()
export class AddQualificationInput {
  @IdField()
  distributorId: string;

  @Field(() => QualificationType)
  @IsEnum(QualificationType)
  type: QualificationType;

  @Field()
  @Length(2, 80)
  number: string;

  @Field(() => [DeviceClass], { defaultValue: [] })
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
}

@InputType()
export class ExpiringQualificationFilter {
  @OptionalIdField('The distributor’s region or a city under it')
  regionId?: string | null;

  @Field(() => [QualificationType], { nullable: true, description: 'Only these kinds of document' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsEnum(QualificationType, { each: true })
  types?: QualificationType[] | null;
}

@ObjectType('ExpiryWarning')
export class ExpiryWarningType {
  @Field(() => ExpiryLevel)
  level: ExpiryLevel;

  @Field(() => Int, { nullable: true, description: 'Days until it expires (negative: expired that long ago)' })
  daysLeft: number | null;
}

@ObjectType('StoredFile', { description: 'An uploaded document; fetch it from url with the session cookie' })
export class StoredFileType {
  @Field()
  name: string;

  @Field()
  mime: string;

  @Field(() => Int)
  size: number;

  @Field({ description: 'Path on the API, e.g. /files/qualifications/<id>' })
  url: string;
}
