import { z } from 'zod';
import { statsOut } from '../livestreams/livestreams.schema.js';

const count = z.number().int();

/** The data of a `tick` event (docs/live-room.md); `stock` is our addition to the contract. */
export const liveTickOut = z.object({
  gmvMinor: count,
  orders: count,
  lines: count,
  lastOrderAt: z.string().nullable(),
  stats: statsOut,
  stock: z.record(z.string(), count.nullable()),
});

export type LiveTick = z.infer<typeof liveTickOut>;
