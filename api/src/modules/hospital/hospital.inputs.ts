import { Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, Length, MaxLength, Min, ValidateNested } from 'class-validator';
import { ContactRelation, DecisionRole, HospitalGrade, VolumeKind } from '@medchannel/shared-schema';
import { DateField, ExpectedVersionField, IdField, OptionalIdField, OptionalTextField } from '../../common/fields';
import { LocalDateNotAfter } from '../../common/ranges';

@InputType()
export class DepartmentInput {
  @Field()
  @Length(1, 100)
  name: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  yearlyVolume?: number;

  @Field(() => VolumeKind, { nullable: true })
  @IsOptional()
  @IsEnum(VolumeKind)
  volumeKind?: VolumeKind;
}

/**
 * A hospital's profile, the same when it is created and when it is edited.
 * No resolver takes it, so it stays out of the schema (type-graphql 2 has no `isAbstract`); the
 * inputs inherit its fields, and a field whose description differs stays with each input.
 */
@InputType()
abstract class HospitalProfileInput {
  @Field()
  @Length(1, 200)
  name: string;

  @Field(() => HospitalGrade)
  @IsEnum(HospitalGrade)
  grade: HospitalGrade;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  beds?: number;

  @OptionalTextField(300)
  address?: string;
}

/** A new hospital with its first departments. */
@InputType()
export class CreateHospitalInput extends HospitalProfileInput {
  @IdField()
  regionId: string;

  @OptionalIdField('Made once per hospital by the client: a retry with it returns the first result')
  idempotencyKey?: string;

  @Field(() => [DepartmentInput], { defaultValue: [] })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  departments: DepartmentInput[];
}

@InputType()
export class ContactInput {
  @Field()
  @Length(1, 100)
  name: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(100)
  title?: string;

  @Field(() => DecisionRole)
  @IsEnum(DecisionRole)
  decisionRole: DecisionRole;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(40)
  phone?: string;

  @OptionalIdField()
  departmentId?: string;

  @Field(() => ContactRelation, { defaultValue: ContactRelation.UNKNOWN })
  @IsEnum(ContactRelation)
  relation: ContactRelation;
}

/** A hospital's profile as edited: everything but its departments and contacts, which have their own. */
@InputType()
export class UpdateHospitalInput extends HospitalProfileInput {
  @IdField('A region the viewer covers')
  regionId: string;

  @ExpectedVersionField()
  expectedVersion: number;
}

/** A contact's place in the decision chain as changed; the note says why and stays in their history. */
@InputType()
export class UpdateContactInput extends ContactInput {
  @OptionalTextField(500, 'Why it changed, kept in the history')
  note?: string;

  @ExpectedVersionField()
  expectedVersion: number;
}

/** The contact left the hospital (or the decision chain) on a day: kept, with their history. */
@InputType()
export class RetireContactInput {
  @DateField('The day they left; not in the future')
  @LocalDateNotAfter(0)
  on: string;

  @OptionalTextField(500)
  note?: string;

  @ExpectedVersionField()
  expectedVersion: number;
}
