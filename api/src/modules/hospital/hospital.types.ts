import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  ContactFactKind,
  ContactRelation,
  DecisionRole,
  HospitalCoverage,
  HospitalGrade,
  HospitalSort,
  VolumeKind,
} from '@medchannel/shared-schema';
import { Connection } from '../../common/pagination';
import { IdField, OptionalIdField } from '../../common/fields';
import { LocalDateScalar } from '../../common/dates';

registerEnumType(HospitalGrade, { name: 'HospitalGrade', description: '三甲 GRADE_3A … 一级 GRADE_1' });
registerEnumType(HospitalSort, { name: 'HospitalSort' });
registerEnumType(HospitalCoverage, {
  name: 'HospitalCoverage',
  description: 'Target hospitals (live authorization), or those of them buying in the last year',
});
registerEnumType(DecisionRole, {
  name: 'DecisionRole',
  description: '设备科 EQUIPMENT_HEAD, 科室主任 DEPARTMENT_HEAD, …',
});
registerEnumType(VolumeKind, { name: 'VolumeKind' });
registerEnumType(ContactRelation, { name: 'ContactRelation', description: 'Where a contact stands towards the brand' });
registerEnumType(ContactFactKind, { name: 'ContactFactKind' });

@ObjectType('HospitalDepartment')
export class HospitalDepartmentType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => Int, { nullable: true, description: 'Yearly surgeries or tests' })
  yearlyVolume: number | null;

  @Field(() => VolumeKind, { nullable: true })
  volumeKind: VolumeKind | null;

  @Field(() => Int)
  version: number;
}

@ObjectType('HospitalContactFact', { description: 'One fact of a contact’s history: as they were after a change' })
export class HospitalContactFactType {
  @Field(() => ID)
  id: string;

  @Field(() => ContactFactKind)
  kind: ContactFactKind;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field(() => DecisionRole)
  decisionRole: DecisionRole;

  @Field(() => ContactRelation)
  relation: ContactRelation;

  @Field(() => ID, { nullable: true })
  departmentId: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  retiredOn: string | null;

  @Field(() => String, { nullable: true, description: 'Why, as the person who changed it wrote' })
  note: string | null;

  @Field()
  createdAt: Date;
}

@ObjectType('HospitalContact')
export class HospitalContactType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field(() => DecisionRole)
  decisionRole: DecisionRole;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => ID, { nullable: true })
  departmentId: string | null;

  @Field(() => ContactRelation)
  relation: ContactRelation;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day they left; kept with their history' })
  retiredOn: string | null;

  @Field(() => Int)
  version: number;
}

@ObjectType('Hospital')
export class HospitalType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => HospitalGrade)
  grade: HospitalGrade;

  @Field(() => Int, { nullable: true })
  beds: number | null;

  @Field(() => String, { nullable: true })
  address: string | null;

  @Field(() => Int)
  version: number;
}

@ObjectType()
export class HospitalConnection extends Connection(HospitalType) {}

@InputType()
export class HospitalFilter {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @OptionalIdField('A province includes its cities')
  regionId?: string;

  @Field(() => HospitalGrade, { nullable: true })
  @IsOptional()
  @IsEnum(HospitalGrade)
  grade?: HospitalGrade;

  @Field(() => HospitalCoverage, {
    nullable: true,
    description:
      'Only target hospitals (covered by a live authorization), or only those of them buying (docs/domain.md, "Dashboards")',
  })
  @IsOptional()
  @IsEnum(HospitalCoverage)
  coverage?: HospitalCoverage;

  @Field(() => HospitalSort, { nullable: true, description: 'By name unless asked otherwise' })
  @IsOptional()
  @IsEnum(HospitalSort)
  sort?: HospitalSort;
}

@ArgsType()
export class HospitalIdArgs {
  @IdField()
  id: string;
}
