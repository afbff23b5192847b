import { toMajor } from '../../format';

/**
 * Amounts and rates as typed in a form and as the API keeps them: money in minor units of the org's
 * currency (`thresholdMinor`), rates in basis points (`rateBps`). An empty or unreadable entry becomes
 * null, which the server refuses with a field error next to the input.
 */
const minorPerMajor = (currency: string) => Math.round(1 / toMajor(1, currency));

const readNumber = (text: string): number | null => {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(value) ? null : value;
};

export const toMinorUnits = (text: string, currency: string): number | null => {
  const value = readNumber(text);
  return value === null ? null : Math.round(value * minorPerMajor(currency));
};
export const fromMinorUnits = (minor: number, currency: string): string => String(toMajor(minor, currency));
/** The step of a money input: 1 for VND, 0.01 for CNY. */
export const moneyStep = (currency: string): number => 1 / minorPerMajor(currency);

export const percentToBps = (text: string): number | null => {
  const value = readNumber(text);
  return value === null ? null : Math.round(value * 100);
};
export const bpsToPercent = (bps: number): string => String(bps / 100);

export const wholeNumber = (text: string): number | null => {
  const value = readNumber(text);
  return value === null ? null : value;
};
