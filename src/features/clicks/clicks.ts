import { createHmac } from 'node:crypto';
import { isbot } from 'isbot';

export type DeviceClass = 'mobile' | 'tablet' | 'desktop' | 'bot' | 'unknown';

/** A coarse device class from the user agent. */
export function deviceClass(userAgent: string | undefined, bot: boolean): DeviceClass {
  if (bot) return 'bot';
  if (!userAgent) return 'unknown';
  if (/iPad|Tablet|Nexus (7|9|10)|SM-T\d|Kindle|Silk/i.test(userAgent)) return 'tablet';
  if (/Mobi|iPhone|iPod|Android|Windows Phone|Zalo|FBAN|FBAV|musical_ly|TikTok|BytedanceWebview/i.test(userAgent))
    return 'mobile';
  return 'desktop';
}

const botAgents = new Map<string, boolean>();

/**
 * True for crawlers, link unfurlers and headless clients (the maintained `isbot` list); no UA counts as a
 * bot. Remembered per user agent: a livestream's viewers share a few thousand agents at most.
 */
export function isBotAgent(userAgent: string | undefined): boolean {
  if (!userAgent) return true;
  let bot = botAgents.get(userAgent);
  if (bot === undefined) {
    bot = isbot(userAgent);
    if (botAgents.size > 20_000) botAgents.clear();
    // An agent longer than any real one is not remembered: 20 000 of 16 KB headers would be 320 MB.
    if (userAgent.length <= 600) botAgents.set(userAgent, bot);
  }
  return bot;
}

/**
 * The stored visitor id: HMAC of address and user agent under a key that changes every UTC day, so
 * no raw IP address is kept and visitors cannot be followed from one day to the next.
 */
export function visitorHash(secret: string, day: string, ip: string, userAgent: string): string {
  return createHmac('sha256', `${secret}:visitor:${day}`)
    .update(ip)
    .update('\u0000')
    .update(userAgent)
    .digest('base64url')
    .slice(0, 22);
}

/** The host of a Referer header, or null. */
export function referrerHost(referer: string | undefined): string | null {
  if (!referer) return null;
  try {
    return new URL(referer).host.slice(0, 255) || null;
  } catch {
    return null;
  }
}

export const UNIQUE_WINDOW_MS = 60 * 60 * 1000;

/**
 * Remembers when each visitor last clicked each link, to flag the first click of a visitor on a link
 * within an hour as unique. Bounded: expired entries are dropped, and past `max` the oldest go first.
 */
export class RepeatDetector {
  private readonly last = new Map<string, number>();

  constructor(private readonly max = 500_000) {}

  /** True when this (visitor, link) pair has not clicked within the window before `at`. */
  isUnique(key: string, at: number): boolean {
    const previous = this.last.get(key);
    const unique = previous === undefined || at - previous >= UNIQUE_WINDOW_MS;
    if (unique) {
      this.last.delete(key);
      this.last.set(key, at);
      if (this.last.size > this.max) this.evict(at);
    }
    return unique;
  }

  private evict(now: number): void {
    for (const [key, at] of this.last) {
      if (this.last.size <= this.max * 0.9 && now - at < UNIQUE_WINDOW_MS) break;
      this.last.delete(key);
    }
  }
}
