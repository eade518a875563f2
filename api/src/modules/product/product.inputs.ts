import { Field, InputType } from 'type-graphql';
import { IsEnum, IsOptional, Length } from 'class-validator';
import { DeviceClass, ProductKind } from '@medchannel/shared-schema';
import { DecimalRange } from '../../common/ranges';
import { DecimalScalar } from '../../common/money';
import { DateField, ExpectedVersionField, IdField } from '../../common/fields';

/** A product's own facts as the console edits them; its certificate is renewed, its prices set from a date. */
@InputType()
export class UpdateProductInput {
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
