import { createHash } from 'node:crypto';
import { dayInZone, utcDay } from '../../lib/time.js';
import type { PendingClick } from './click-writer.js';
import { deviceClass, isBotAgent, type RepeatDetector, referrerHost, visitorHash } from './clicks.js';
import type { ClickRow } from './clicks.repository.js';

/**
 * A click as stored: bot, device, the day-keyed visitor hash, and whether it is the visitor's first on
 * the link within the hour (`repeats` remembers; feed it clicks in the order they were answered).
 */
export function enrichClick(click: PendingClick, secret: string, repeats: RepeatDetector): ClickRow {
  const ua = click.userAgent ?? '';
  const bot = isBotAgent(click.userAgent);
  const visitor = createHash('sha1').update(click.ip).update('\u0000').update(ua).digest('base64url');
  const unique = !bot && repeats.isUnique(`${visitor}:${click.linkId}`, click.at);
  return {
    clickId: click.clickId,
    orgId: click.orgId,
    linkId: click.linkId,
    kosId: click.kosId,
    clickedAt: click.at,
    day: dayInZone(click.at, click.timezone),
    visitorHash: visitorHash(secret, utcDay(click.at), click.ip, ua),
    userAgent: click.userAgent ? click.userAgent.slice(0, 512) : null,
    referrerHost: referrerHost(click.referer),
    device: deviceClass(click.userAgent, bot),
    isBot: bot,
    isUnique: unique,
  };
}
