import { escapeHtml as e, type Locale } from '../../lib/locale.js';

export interface BioPageData {
  locale: Locale;
  url: string;
  kos: {
    name: string;
    handle: string;
    bio: string | null;
    avatarUrl: string | null;
    contacts: Record<string, string | undefined>;
  };
  links: { label: string; href: string; price: string | null }[];
  livestreams: { title: string; when: string; platform: string }[];
}

type Word = 'links' | 'live' | 'contact' | 'zalo' | 'phone' | 'messenger' | 'email' | 'empty' | 'by';
const WORDS: Record<Locale, Record<Word, string>> = {
  vi: {
    links: 'Sản phẩm & liên kết',
    live: 'Livestream sắp tới',
    contact: 'Liên hệ',
    zalo: 'Nhắn Zalo',
    phone: 'Gọi điện',
    messenger: 'Messenger',
    email: 'Gửi email',
    empty: 'Chưa có liên kết nào.',
    by: 'Trang bio của',
  },
  'zh-CN': {
    links: '推荐商品',
    live: '即将开播',
    contact: '联系我',
    zalo: 'Zalo 联系',
    phone: '打电话',
    messenger: 'Messenger',
    email: '发邮件',
    empty: '暂无链接。',
    by: '个人主页',
  },
  en: {
    links: 'Shop my picks',
    live: 'Upcoming livestreams',
    contact: 'Contact me',
    zalo: 'Chat on Zalo',
    phone: 'Call',
    messenger: 'Messenger',
    email: 'Email',
    empty: 'No links yet.',
    by: 'Bio page of',
  },
};
const OG_LOCALE: Record<Locale, string> = { vi: 'vi_VN', 'zh-CN': 'zh_CN', en: 'en_US' };

/** Where each contact button points (values were validated on input; still escaped on output). */
function contactHref(kind: string, value: string): string | null {
  const digits = value.replace(/[^\d+]/g, '');
  if (kind === 'zalo')
    return `https://zalo.me/${encodeURIComponent(/^\+?\d{6,}$/.test(digits) ? digits.replace(/^\+84/, '0') : value)}`;
  if (kind === 'phone') return digits ? `tel:${digits}` : null;
  if (kind === 'messenger') return /^https:\/\//.test(value) ? value : `https://m.me/${encodeURIComponent(value)}`;
  if (kind === 'email') return `mailto:${encodeURIComponent(value).replace('%40', '@')}`;
  return null;
}

/** The server-rendered, script-free bio page of a KOS: who they are, what they offer, how to reach them. */
export function renderBioPage(d: BioPageData): string {
  const w = WORDS[d.locale];
  const description = d.kos.bio ?? `${w.by} ${d.kos.name}`;
  const links = d.links.length
    ? `<ul class="links">${d.links.map((l) => `<li><a href="${e(l.href)}" rel="nofollow"><span>${e(l.label)}</span>${l.price ? `<b>${e(l.price)}</b>` : ''}</a></li>`).join('')}</ul>`
    : `<p class="empty">${e(w.empty)}</p>`;
  const live = d.livestreams.length
    ? `<h2>${e(w.live)}</h2><ul class="live">${d.livestreams.map((s) => `<li><b>${e(s.when)}</b> ${e(s.title)} <small>${e(s.platform)}</small></li>`).join('')}</ul>`
    : '';
  const contacts = (['zalo', 'phone', 'messenger', 'email'] as const)
    .map((kind) => {
      const value = d.kos.contacts[kind];
      const href = value ? contactHref(kind, value) : null;
      return href ? `<a class="btn ${kind}" href="${e(href)}">${e(w[kind])}</a>` : '';
    })
    .join('');
  return `<!doctype html>
<html lang="${d.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${e(d.kos.name)} (@${e(d.kos.handle)})</title>
<meta name="description" content="${e(description)}">
<meta property="og:type" content="profile"><meta property="og:title" content="${e(d.kos.name)}">
<meta property="og:description" content="${e(description)}"><meta property="og:url" content="${e(d.url)}">
<meta property="og:locale" content="${OG_LOCALE[d.locale]}">${d.kos.avatarUrl ? `<meta property="og:image" content="${e(d.kos.avatarUrl)}">` : ''}
<style>${CSS}</style></head>
<body><main><header>${d.kos.avatarUrl ? `<img src="${e(d.kos.avatarUrl)}" alt="" width="96" height="96">` : ''}<h1>${e(d.kos.name)}</h1><p class="handle">@${e(d.kos.handle)}</p>${d.kos.bio ? `<p class="bio">${e(d.kos.bio)}</p>` : ''}</header>
<h2>${e(w.links)}</h2>${links}${live}${contacts ? `<h2>${e(w.contact)}</h2><nav class="contacts">${contacts}</nav>` : ''}
<footer><a href="?lang=vi">Tiếng Việt</a> · <a href="?lang=zh-CN">中文</a> · <a href="?lang=en">English</a></footer></main></body></html>`;
}

const CSS =
  'body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f6f4f1;color:#1d1d1f}' +
  'main{max-width:480px;margin:0 auto;padding:24px 16px 40px}header{text-align:center}' +
  'header img{border-radius:50%;object-fit:cover}h1{font-size:1.4rem;margin:.5rem 0 0}.handle{color:#666;margin:0}' +
  '.bio{white-space:pre-line}h2{font-size:1rem;margin:1.5rem 0 .5rem;color:#444}ul{list-style:none;padding:0;margin:0}' +
  '.links a{display:flex;justify-content:space-between;gap:8px;padding:14px 16px;margin:8px 0;background:#fff;border-radius:12px;' +
  'color:inherit;text-decoration:none;box-shadow:0 1px 3px #0002}.links b{color:#d0021b;white-space:nowrap}' +
  '.live li{padding:8px 0;border-bottom:1px solid #ddd}.contacts{display:flex;flex-wrap:wrap;gap:8px}' +
  '.btn{flex:1 1 40%;text-align:center;padding:12px;border-radius:999px;background:#1d1d1f;color:#fff;text-decoration:none}' +
  '.btn.zalo{background:#0068ff}.empty{color:#666}footer{margin-top:2rem;text-align:center;font-size:.85rem}footer a{color:#666}';
