import { Field, ID, Int } from 'type-graphql';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { ISO_DATE, LocalDateScalar } from './dates';

/**
 * The input fields every module's inputs declare again and again: one GraphQL field together with
 * the class-validator checks that always go with it. Each helper is exactly the decorator stack it
 * stands for, applied in the same order as when written out, so the schema and the checks are the
 * same; fields with anything more (a default, a range, a list) are still written out in full.
 */

/** Applies decorators as if stacked one above the other: the last first, as TypeScript does. */
function stack(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (let i = decorators.length - 1; i >= 0; i--) decorators[i](target, key);
  };
}

/** A record's id, required. */
export const IdField = (description?: string): PropertyDecorator =>
  stack(
    Field(() => ID, { description }),
    IsUUID(),
  );

/** An id that may be left out (a filter's, or one with a default). */
export const OptionalIdField = (description?: string): PropertyDecorator =>
  stack(
    Field(() => ID, { nullable: true, description }),
    IsOptional(),
    IsUUID(),
  );

/** Required text of min..max characters. */
export const TextField = (min: number, max: number, description?: string): PropertyDecorator =>
  stack(
    Field(() => String, { description }),
    IsString(),
    Length(min, max),
  );

/** Text that may be left out, up to max characters (a note, a search). */
export const OptionalTextField = (max: number, description?: string): PropertyDecorator =>
  stack(
    Field(() => String, { nullable: true, description }),
    IsOptional(),
    IsString(),
    MaxLength(max),
  );

/** A calendar date, YYYY-MM-DD, required. */
export const DateField = (description?: string): PropertyDecorator =>
  stack(
    Field(() => LocalDateScalar, { description }),
    Matches(ISO_DATE),
  );

/** A calendar date that may be left out. */
export const OptionalDateField = (description?: string): PropertyDecorator =>
  stack(
    Field(() => LocalDateScalar, { nullable: true, description }),
    IsOptional(),
    Matches(ISO_DATE),
  );

/** A yes/no that may be left out (a filter's switch). */
export const OptionalBooleanField = (description?: string): PropertyDecorator =>
  stack(
    Field(() => Boolean, { nullable: true, description }),
    IsOptional(),
    IsBoolean(),
  );

/** The version of the record the user saw (common/versioning.ts: a newer one answers CONFLICT, STALE_VERSION). */
export const ExpectedVersionField = (description?: string): PropertyDecorator =>
  stack(
    Field(() => Int, { description }),
    IsInt(),
  );
