import type { Source } from '../import-types.js';
import { accesstradeParser } from './accesstrade.js';
import { genericParser } from './generic.js';
import { lazadaParser } from './lazada.js';
import type { ReportParser } from './parser.js';
import { shopeeParser } from './shopee.js';
import { tiktokCreatorParser } from './tiktok-creator.js';
import { tiktokShopParser } from './tiktok-shop.js';

/** The parser of each import source. */
export const PARSERS: Record<Source, ReportParser> = {
  generic: genericParser,
  shopee: shopeeParser,
  tiktok_shop: tiktokShopParser,
  tiktok_creator: tiktokCreatorParser,
  lazada: lazadaParser,
  accesstrade: accesstradeParser,
};
