import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DecimalRange } from '../../common/ranges';
import { DeviceClass, ProductKind } from '@medchannel/shared-schema';
import { Connection } from '../../common/pagination';
import { Decimal, DecimalScalar, fixed2 } from '../../common/money';
import { LocalDateScalar } from '../../common/dates';
import { IdField, OptionalIdField, DateField } from '../../common/fields';

registerEnumType(ProductKind, { name: 'ProductKind' });
registerEnumType(DeviceClass, { name: 'DeviceClass', description: 'Medical device risk class (I lowest)' });

@ObjectType('Money', { description: 'An exact amount and its currency' })
export class MoneyType {
  @Field(() => DecimalScalar)
  amount: string;

  @Field()
  currency: string;
}

export const money = (amount: string | Decimal, currency: string): MoneyType => ({ amount: fixed2(amount), currency });

@ObjectType('ProductLine')
export class ProductLineType {
  @Field(() => ID)
  id: string;

  @Field()
  code: string;

  @Field()
  name: string;
}

@ObjectType('Product')
export class ProductType {
  @Field(() => ID)
  id: string;

  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => ProductKind)
  kind: ProductKind;

  @Field(() => DeviceClass)
  deviceClass: DeviceClass;

  @Field({ description: '注册证/备案 number' })
  registrationNo: string;

  @Field(() => LocalDateScalar)
  registrationValidFrom: string;

  @Field(() => LocalDateScalar)
  registrationValidTo: string;

  @Field(() => String, { nullable: true })
  udiDi: string | null;

  @Field({ description: 'Ordering it needs a valid certificate for its product line' })
  requiresCertification: boolean;

  @Field(() => Int)
  version: number;
}

@ObjectType('PriceListEntry')
export class PriceListEntryType {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  tier: number;

  @Field(() => LocalDateScalar)
  effectiveFrom: string;

  @Field(() => LocalDateScalar, { nullable: true })
  effectiveTo: string | null;
}

@ObjectType()
export class ProductConnection extends Connection(ProductType) {}

@InputType()
export class ProductFilter {
  @Field({ nullable: true, description: 'Matches name, code, registration number or UDI-DI' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @OptionalIdField()
  productLineId?: string;

  @Field(() => DeviceClass, { nullable: true })
  @IsOptional()
  @IsEnum(DeviceClass)
  deviceClass?: DeviceClass;
}

@InputType()
export class SetTierPriceInput {
  @IdField()
  productId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(9)
  tier: number;

  @Field(() => DecimalScalar)
  @DecimalRange('0')
  price: string;

  @DateField()
  effectiveFrom: string;
}

@ArgsType()
export class ProductIdArgs {
  @IdField()
  id: string;
}

@ObjectType('ProductRegistration', {
  description: 'A registration certificate (注册证) the product was registered under',
})
export class ProductRegistrationType {
  @Field(() => ID)
  id: string;

  @Field()
  registrationNo: string;

  @Field(() => LocalDateScalar)
  validFrom: string;

  @Field(() => LocalDateScalar)
  validTo: string;

  @Field({ description: 'When it was recorded' })
  createdAt: Date;
}
