import { describe, expect, test } from 'vitest';
import { TRANSITIONS } from '../../src/features/livestreams/livestreams.js';
import { webModule } from './web-module.js';

/** The livestream pages' pure pieces: the status moves they offer (the API's own) and the org-time inputs. */
const rules = await webModule<{ TRANSITIONS: Record<string, readonly string[]> }>('components/livestreams/status-rules.ts');
const time = await webModule<{
  zonedInput(value: string | number | null, timeZone: string): string;
  instantFromZoned(local: string, timeZone: string): string | null;
}>('zoned-time.ts');

test('the console offers exactly the status moves the API allows', () => {
  expect(rules.TRANSITIONS).toEqual(TRANSITIONS);
});

describe('datetime-local inputs on the org’s wall clock', () => {
  test.each([
    ['2026-05-01T13:30:00.000Z', 'Asia/Ho_Chi_Minh', '2026-05-01T20:30'],
    ['2026-05-01T16:30:00.000Z', 'Asia/Shanghai', '2026-05-02T00:30'],
    ['2026-03-29T00:30:00.000Z', 'Europe/Berlin', '2026-03-29T01:30'],
    ['2026-03-29T01:30:00.000Z', 'Europe/Berlin', '2026-03-29T03:30'],
  ])('%s in %s reads %s, and back', (iso, zone, local) => {
    expect(time.zonedInput(iso, zone)).toBe(local);
    expect(time.instantFromZoned(local, zone)).toBe(iso);
  });
  test('empty or unreadable input is null', () => {
    expect(time.instantFromZoned('', 'Asia/Ho_Chi_Minh')).toBeNull();
    expect(time.instantFromZoned('2026-05-01', 'Asia/Ho_Chi_Minh')).toBeNull();
    expect(time.zonedInput(null, 'Asia/Ho_Chi_Minh')).toBe('');
  });
});
