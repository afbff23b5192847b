import { z } from 'zod';

const count = z.number().int();

/** The data of a `tick` event (docs/live-room.md); `stock` is our addition to the contract. */
export const liveTickOut = z.object({
  gmvMinor: count,
  orders: count,
  lines: count,
  lastOrderAt: z.string().nullable(),
  stats: z.object({
    views: count,
    viewers: count,
    peakViewers: count,
    avgWatchSeconds: count,
    comments: count,
    questions: count,
    questionsAnswered: count,
    productClicks: count,
    addToCart: count,
  }),
  stock: z.record(z.string(), count.nullable()),
});

export type LiveTick = z.infer<typeof liveTickOut>;
