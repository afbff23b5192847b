import { describe, expect, test } from 'vitest';
import { listeners } from './listeners.js';

describe('listeners', () => {
  test('calls every listener in registration order, awaiting each', async () => {
    const calls: string[] = [];
    const changed = listeners<[ids: readonly string[]]>((ids) => ids.length === 0);
    changed.on(async (ids) => {
      await new Promise((r) => setTimeout(r, 5));
      calls.push(`a:${ids.join(',')}`);
    });
    changed.on(async (ids) => {
      calls.push(`b:${ids.join(',')}`);
    });
    await changed.emit(['k1', 'k2']);
    expect(calls).toEqual(['a:k1,k2', 'b:k1,k2']);
  });

  test('skips the call when there is nothing to say, and a listener registered twice runs once', async () => {
    let count = 0;
    const changed = listeners<[ids: readonly string[]]>((ids) => ids.length === 0);
    const listener = async () => {
      count += 1;
    };
    changed.on(listener);
    changed.on(listener);
    await changed.emit([]);
    expect(count).toBe(0);
    await changed.emit(['k']);
    expect(count).toBe(1);
  });

  test('a failing listener fails the emit (the caller rolls back its transaction)', async () => {
    const changed = listeners<[n: number]>();
    changed.on(async () => {
      throw new Error('listener failed');
    });
    await expect(changed.emit(1)).rejects.toThrow('listener failed');
  });
});
