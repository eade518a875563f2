import Decimal from 'decimal.js';
import { ValidateBy, ValidationOptions, buildMessage } from 'class-validator';
import { addDays, today } from './dates';

/**
 * Declared ranges for input fields, beyond what a scalar's shape already says (a LocalDate lies in
 * 2000-01-01..2100-12-31, a Decimal fits numeric(18,2)). Checked by class-validator before any
 * service runs, so a value out of range is BAD_USER_INPUT with the field named and writes nothing.
 */

/** An amount (Decimal string) within [min, max]; either bound may be left out. */
export function DecimalRange(
  min: string | null,
  max: string | null = null,
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name: 'decimalRange',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          try {
            const d = new Decimal(value);
            return (min === null || d.gte(min)) && (max === null || d.lte(max));
          } catch {
            return false;
          }
        },
        defaultMessage: buildMessage(
          (each) =>
            `${each}$property must be ${min !== null && max !== null ? `between ${min} and ${max}` : min !== null ? `at least ${min}` : `at most ${max}`}`,
          options,
        ),
      },
    },
    options,
  );
}

const DAY = 86_400_000;

/**
 * A moment within a window around now: from `pastDays` ago to `futureDays` ahead (a co-visit slot
 * is not planned in 9999 nor years back). `now` is read when the input is validated.
 */
export function MomentWithin(pastDays: number, futureDays: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'momentWithin',
      validator: {
        validate: (value: unknown) => {
          if (!(value instanceof Date) || Number.isNaN(value.getTime())) return false;
          const now = Date.now();
          return value.getTime() >= now - pastDays * DAY && value.getTime() <= now + futureDays * DAY;
        },
        defaultMessage: buildMessage(
          (each) => `${each}$property must lie between ${pastDays} days ago and ${futureDays} days ahead`,
          options,
        ),
      },
    },
    options,
  );
}

/** A calendar date (YYYY-MM-DD) no later than `days` after today in China: a payment is not received next month. */
export function LocalDateNotAfter(days: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'localDateNotAfter',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value <= addDays(today(), days),
        defaultMessage: buildMessage(
          (each) => `${each}$property cannot be later than ${days === 0 ? 'today' : `${days} day(s) from today`}`,
          options,
        ),
      },
    },
    options,
  );
}
