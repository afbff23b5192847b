/**
 * Money, numbers and dates for the console: the server's own formatter (src/lib/format.ts), so an amount or
 * a date reads the same here, on the payout statement and on bio pages (docs/decisions.md, "money and
 * date display"). Amounts arrive as integers in minor units (API `…Minor` fields).
 */
export * from '../../src/lib/format';
