import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, MaxLength, Min, ValidateNested } from 'class-validator';
import { DecisionRole, HospitalGrade, VolumeKind } from '@medchannel/shared-schema';
import { Connection } from '../../common/pagination';

registerEnumType(HospitalGrade, { name: 'HospitalGrade', description: '三甲 GRADE_3A … 一级 GRADE_1' });
registerEnumType(DecisionRole, { name: 'DecisionRole', description: '设备科 EQUIPMENT_HEAD, 科室主任 DEPARTMENT_HEAD, …' });
registerEnumType(VolumeKind, { name: 'VolumeKind' });

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

  @Field(() => ID, { nullable: true, description: 'A province includes its cities' })
  @IsOptional()
  @IsUUID()
  regionId?: string;

  @Field(() => HospitalGrade, { nullable: true })
  @IsOptional()
  @IsEnum(HospitalGrade)
  grade?: HospitalGrade;
}

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

@InputType()
export class CreateHospitalInput {
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

  @Field(() => ID)
  @IsUUID()
  regionId: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(300)
  address?: string;

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

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
}

@ArgsType()
export class HospitalIdArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;
}
