import { escapeHtml, type Locale } from '../../lib/locale.js';

type PageKind = 'notFound' | 'gone' | 'broken';

const TEXT: Record<Locale, Record<PageKind, [string, string]>> = {
  vi: {
    notFound: ['Không tìm thấy liên kết', 'Liên kết này không tồn tại. Hãy kiểm tra lại địa chỉ.'],
    gone: ['Liên kết đã hết hạn', 'Liên kết này đã bị tắt hoặc hết hạn.'],
    broken: ['Liên kết đang gặp lỗi', 'Không thể mở liên kết này lúc này. Vui lòng thử lại sau.'],
  },
  'zh-CN': {
    notFound: ['未找到链接', '该链接不存在，请检查地址。'],
    gone: ['链接已失效', '该链接已停用或已过期。'],
    broken: ['链接暂时无法打开', '该链接暂时无法打开，请稍后再试。'],
  },
  en: {
    notFound: ['Link not found', 'This link does not exist. Please check the address.'],
    gone: ['Link expired', 'This link has been disabled or has expired.'],
    broken: ['Link unavailable', 'This link cannot be opened right now. Please try again later.'],
  },
};

/** The small HTML page of an unknown (404), disabled/expired (410) or unusable (500) link. */
export function linkErrorPage(kind: PageKind, locale: Locale): string {
  const [title, message] = TEXT[locale][kind];
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>body{font:16px/1.5 system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#fafafa;color:#222}main{padding:2rem;text-align:center}</style></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main></body></html>`;
}
