import { FileError, type Source } from '../import-types.js';
import { accesstradeParser } from './accesstrade.js';
import { genericParser } from './generic.js';
import { lazadaParser } from './lazada.js';
import type { ReportParser } from './parser.js';

const notYet = (source: Source): ReportParser => ({
  source,
  prepare() {
    throw new FileError(`the ${source} importer is not available yet`);
  },
});

/** The parser of each import source. */
export const PARSERS: Record<Source, ReportParser> = {
  generic: genericParser,
  shopee: notYet('shopee'),
  tiktok_shop: notYet('tiktok_shop'),
  lazada: lazadaParser,
  accesstrade: accesstradeParser,
};
