import { useEffect, useRef, useState } from 'react';

const DURATION_MS = 800;

/** Whether the user asked for less motion (read once per call; the media query rarely changes mid-show). */
export const prefersReducedMotion = (): boolean =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * A number that counts from its last shown value to `target` over 0.8 s (ease-out, requestAnimationFrame);
 * with reduced motion, or the first value, it jumps. A new target mid-count starts from what is shown
 * (docs/livestream-console.md).
 */
export function useCountUp(target: number | null): number | null {
  const [shown, setShown] = useState<number | null>(target);
  const current = useRef<number | null>(target);
  useEffect(() => {
    const from = current.current;
    if (target === null || from === null || from === target || prefersReducedMotion()) {
      current.current = target;
      setShown(target);
      return;
    }
    let frame = 0;
    const started = performance.now();
    const step = (now: number) => {
      const p = Math.min(1, (now - started) / DURATION_MS);
      const eased = 1 - (1 - p) ** 3;
      const value = p >= 1 ? target : from + (target - from) * eased;
      current.current = value;
      setShown(value);
      if (p < 1) frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [target]);
  return shown;
}

/**
 * `text` for a polite live region, at most once every `everyMs`: a change in between is held and said
 * when the wait is over (only the latest), so a busy stream does not talk over itself. The first text is
 * not said (the page itself shows it when the user arrives).
 */
export function useCalmAnnouncement(text: string, everyMs = 10_000): string {
  const [said, setSaid] = useState('');
  const lastAt = useRef(0);
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (!text) return;
    if (seen.current === null) {
      seen.current = text;
      return;
    }
    if (text === seen.current) return;
    const timer = setTimeout(
      () => {
        lastAt.current = Date.now();
        seen.current = text;
        setSaid(text);
      },
      Math.max(0, lastAt.current + everyMs - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [text, everyMs]);
  return said;
}
