import { Field, InputType } from 'type-graphql';
import { IsEnum, IsIn, IsOptional, Length } from 'class-validator';
import { DeviceClass, ProductKind } from '@medchannel/shared-schema';
import { DecimalRange } from '../../common/ranges';
import { CURRENCIES, DecimalScalar } from '../../common/money';
import { DateField, ExpectedVersionField, IdField } from '../../common/fields';

/**
 * A product's own facts, the same when it is created and when the console edits them.
 * No resolver takes it, so it stays out of the schema (type-graphql 2 has no `isAbstract`); the
 * inputs inherit its fields, and a field whose description differs stays with each input.
 */
@InputType()
abstract class ProductFactsInput {
  @IdField()
  productLineId: string;

  @Field()
  @Length(1, 40)
  code: string;

  @Field()
  @Length(1, 200)
  name: string;

  @Field(() => ProductKind)
  @IsEnum(ProductKind)
  kind: ProductKind;

  @Field(() => DeviceClass)
  @IsEnum(DeviceClass)
  deviceClass: DeviceClass;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 80)
  udiDi?: string | null;
}

/** A new product with its first registration certificate and its list price. */
@InputType()
export class CreateProductInput extends ProductFactsInput {
  @Field()
  @Length(1, 80)
  registrationNo: string;

  @DateField()
  registrationValidFrom: string;

  @DateField()
  registrationValidTo: string;

  @Field(() => DecimalScalar)
  @DecimalRange('0')
  listPrice: string;

  @Field({ defaultValue: 'CNY' })
  @IsIn(CURRENCIES)
  currency: string;
}

/** A product's own facts as the console edits them; its certificate is renewed, its prices set from a date. */
@InputType()
export class UpdateProductInput extends ProductFactsInput {
  @Field(() => DecimalScalar, { description: 'In the product’s currency' })
  @DecimalRange('0')
  listPrice: string;

  @ExpectedVersionField()
  expectedVersion: number;
}

/** A renewed registration certificate (延续注册): it becomes the product's current one, the old kept as history. */
@InputType()
export class RenewRegistrationInput {
  @Field()
  @Length(1, 80)
  registrationNo: string;

  @DateField()
  validFrom: string;

  @DateField()
  validTo: string;

  @ExpectedVersionField()
  expectedVersion: number;
}
