import fc from 'fast-check';
import { Decimal, fixed2 } from './money';

/** The fast path for amounts already in shape answers exactly what Decimal's toFixed(2) answers. */
test('fixed2 equals new Decimal(value).toFixed(2) for database amounts and anything else', () => {
  const cents = fc
    .bigInt({ min: -(10n ** 18n) + 1n, max: 10n ** 18n - 1n })
    .map((c) => new Decimal(c.toString()).dividedBy(100).toFixed(2));
  const odd = fc.oneof(
    fc.constantFrom('-0.00', '0', '-0', '00.10', '1e3', '12.5', '-12.345', '0.005', '+1.00', '1.00 '.trim(), '-0.01'),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).map(String),
  );
  fc.assert(
    fc.property(fc.oneof(cents, odd), (value) => {
      expect(fixed2(value)).toBe(new Decimal(value).toFixed(2));
    }),
    { numRuns: 2000 },
  );
  expect(fixed2(new Decimal('3.456'))).toBe('3.46');
});
