import { createHash } from 'node:crypto';
import { dayInZone, utcDay } from '../../lib/time.js';
import type { PendingClick } from './click-writer.js';
import { deviceClass, isBotAgent, type RepeatDetector, referrerHost, visitorHash } from './clicks.js';
import type { ClickRow } from './clicks.repository.js';

/** The key under which `RepeatDetector` remembers a visitor: address and user agent, not day-keyed. */
const visitorKey = (ip: string, ua: string) => createHash('sha1').update(ip).update('\u0000').update(ua).digest('base64url');

interface AgentFacts {
  bot: boolean;
  device: string;
  stored: string | null;
}
interface VisitorFacts {
  key: string;
  utcDay: string;
  hash: string;
}

/** Past this many entries a cache starts over (a livestream's viewers share a few thousand agents). */
const CACHE_MAX = 50_000;
/** Longer keys are not remembered (a real user agent or referer is far shorter): memory stays bounded. */
const KEY_MAX = 600;
const MINUTE = 60_000;

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (key.length > KEY_MAX) return value;
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, value);
  return value;
}

/**
 * A click as stored: bot, device, the day-keyed visitor hash, and whether it is the visitor's first on
 * the link within the hour (`repeats` remembers; feed it clicks in the order they were answered).
 * For a stream of clicks (the ingester's, a writer's), with less work than computing each alone
 * (docs/clicks.md "Ingestion cost"): what depends only on the user agent (bot, device), on the visitor
 * (the repeat key and the day's HMAC), on the referer (its host) or on the minute (the org's calendar
 * day — every zone's offset is a whole number of minutes) is computed once and remembered, in bounded
 * caches (at most 50 000 keys of at most 600 characters each). A repeat viewer's click costs a few map lookups instead of two hashes and a time-zone format.
 */
export class ClickEnricher {
  private readonly agents = new Map<string, AgentFacts>();
  private readonly visitors = new Map<string, VisitorFacts>();
  private readonly referers = new Map<string, string | null>();
  private readonly days = new Map<string, { minute: number; day: string; utcDay: string }>();

  constructor(
    private readonly secret: string,
    private readonly repeats: RepeatDetector,
  ) {}

  enrich(click: PendingClick): ClickRow {
    const ua = click.userAgent ?? '';
    const agent = this.agents.get(ua) ?? remember(this.agents, ua, this.agentFacts(click.userAgent));
    const minute = Math.floor(click.at / MINUTE);
    let day = this.days.get(click.timezone);
    if (day?.minute !== minute) {
      day = { minute, day: dayInZone(click.at, click.timezone), utcDay: utcDay(click.at) };
      this.days.set(click.timezone, day);
    }
    const id = `${click.ip}\u0000${ua}`;
    let visitor = this.visitors.get(id);
    if (!visitor) visitor = remember(this.visitors, id, { key: visitorKey(click.ip, ua), utcDay: '', hash: '' });
    if (visitor.utcDay !== day.utcDay) {
      visitor.hash = visitorHash(this.secret, day.utcDay, click.ip, ua);
      visitor.utcDay = day.utcDay;
    }
    const referer = click.referer;
    let host: string | null = null;
    if (referer) {
      const known = this.referers.get(referer);
      host = known !== undefined ? known : remember(this.referers, referer, referrerHost(referer));
    }
    return {
      clickId: click.clickId,
      orgId: click.orgId,
      linkId: click.linkId,
      kosId: click.kosId,
      clickedAt: click.at,
      day: day.day,
      visitorHash: visitor.hash,
      userAgent: agent.stored,
      referrerHost: host,
      device: agent.device,
      isBot: agent.bot,
      isUnique: !agent.bot && this.repeats.isUnique(`${visitor.key}:${click.linkId}`, click.at),
    };
  }

  private agentFacts(userAgent: string | undefined): AgentFacts {
    const bot = isBotAgent(userAgent);
    return { bot, device: deviceClass(userAgent, bot), stored: userAgent ? userAgent.slice(0, 512) : null };
  }
}
