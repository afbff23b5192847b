import { escapeHtml as e, type Locale } from '../../lib/locale.js';
import type { Relationship } from '../kos/kos.js';

/**
 * The public application form `/apply/{slug}` and its answers (docs/recruitment.md "The public form"):
 * server-rendered, no JavaScript, phone-first, well under 30 KB, in vi / zh-CN / en. Every value that
 * comes from a drive or an applicant is escaped.
 */
export interface ApplyPageData {
  locale: Locale;
  url: string;
  orgName: string;
  currency: string;
  drive: {
    name: string;
    relationships: Relationship[];
    categories: string[];
    questions: { key: string; label: string }[];
  };
}

/** What the applicant sent, to fill the form again after a refusal. */
export type FormValues = Record<string, unknown>;
/** Field errors to show: the field (`email`, `accounts`…) → the error word. */
export type FormErrors = Partial<Record<string, ErrorWord>>;
export type ErrorWord = 'invalid' | 'required' | 'consent' | 'emailTaken' | 'phoneTaken';

type Word =
  | 'apply'
  | 'intro'
  | 'name'
  | 'phone'
  | 'email'
  | 'province'
  | 'relationship'
  | 'accounts'
  | 'platform'
  | 'handle'
  | 'followers'
  | 'more'
  | 'categories'
  | 'sales'
  | 'coverage'
  | 'questions'
  | 'yes'
  | 'no'
  | 'consent'
  | 'send'
  | 'fix'
  | 'thanks'
  | 'thanksText'
  | 'closed'
  | 'closedText'
  | 'notFound'
  | 'consentMissing'
  | Exclude<ErrorWord, 'consent'>;

const WORDS: Record<Locale, Record<Word, string>> = {
  vi: {
    apply: 'Đăng ký làm KOS',
    intro: 'Điền thông tin để ứng tuyển làm KOS của',
    name: 'Họ và tên',
    phone: 'Số điện thoại',
    email: 'Email',
    province: 'Tỉnh/thành phố',
    relationship: 'Bạn là',
    accounts: 'Tài khoản bán hàng',
    platform: 'Nền tảng',
    handle: 'Tên tài khoản',
    followers: 'Người theo dõi',
    more: 'Thêm tài khoản',
    categories: 'Ngành hàng bạn bán',
    sales: 'Doanh số 3 tháng gần nhất',
    coverage: 'Số cửa hàng / quận huyện bạn tiếp cận',
    questions: 'Câu hỏi',
    yes: 'Có',
    no: 'Không',
    consent:
      'Tôi đồng ý cho {org} xử lý dữ liệu cá nhân của tôi để xét tuyển, theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân.',
    send: 'Gửi hồ sơ',
    fix: 'Vui lòng kiểm tra các mục được đánh dấu.',
    thanks: 'Cảm ơn bạn!',
    thanksText: 'Hồ sơ của bạn đã được gửi. Chúng tôi sẽ liên hệ qua điện thoại hoặc email.',
    closed: 'Đợt tuyển đã kết thúc',
    closedText: 'Đợt tuyển này không còn nhận hồ sơ.',
    notFound: 'Không tìm thấy trang đăng ký này.',
    invalid: 'Thông tin chưa hợp lệ.',
    required: 'Vui lòng điền mục này.',
    consentMissing: 'Cần có sự đồng ý của bạn để gửi hồ sơ.',
    emailTaken: 'Email này đã đăng ký đợt tuyển này.',
    phoneTaken: 'Số điện thoại này đã đăng ký đợt tuyển này.',
  },
  'zh-CN': {
    apply: '申请成为 KOS',
    intro: '填写信息，申请成为以下品牌的 KOS：',
    name: '姓名',
    phone: '手机号',
    email: '邮箱',
    province: '省/市',
    relationship: '您的身份',
    accounts: '销售账号',
    platform: '平台',
    handle: '账号名',
    followers: '粉丝数',
    more: '添加更多账号',
    categories: '您销售的品类',
    sales: '近 3 个月销售额',
    coverage: '覆盖的门店/区县数',
    questions: '问题',
    yes: '是',
    no: '否',
    consent: '我同意 {org} 依据《个人信息保护法》处理我的个人信息，用于招募筛选。',
    send: '提交申请',
    fix: '请检查标出的项目。',
    thanks: '谢谢！',
    thanksText: '您的申请已提交，我们会通过电话或邮件联系您。',
    closed: '招募已结束',
    closedText: '本次招募已不再接受申请。',
    notFound: '未找到该申请页面。',
    invalid: '填写有误。',
    required: '此项必填。',
    consentMissing: '请先勾选同意，才能提交申请。',
    emailTaken: '该邮箱已申请过本次招募。',
    phoneTaken: '该手机号已申请过本次招募。',
  },
  en: {
    apply: 'Apply to become a KOS',
    intro: 'Fill in your details to apply as a KOS of',
    name: 'Full name',
    phone: 'Phone',
    email: 'Email',
    province: 'Province / city',
    relationship: 'You are',
    accounts: 'Selling accounts',
    platform: 'Platform',
    handle: 'Handle',
    followers: 'Followers',
    more: 'Add more accounts',
    categories: 'Categories you sell',
    sales: 'Sales of the last 3 months',
    coverage: 'Stores / districts you reach',
    questions: 'Questions',
    yes: 'Yes',
    no: 'No',
    consent:
      'I consent to {org} processing my personal data to assess this application (Vietnam Decree 13/2023/NĐ-CP; China PIPL).',
    send: 'Send application',
    fix: 'Please check the marked fields.',
    thanks: 'Thank you!',
    thanksText: 'Your application has been sent. We will contact you by phone or email.',
    closed: 'Applications closed',
    closedText: 'This drive no longer takes applications.',
    notFound: 'This application page does not exist.',
    invalid: 'This is not valid.',
    required: 'Please fill this in.',
    consentMissing: 'Your consent is needed to send the application.',
    emailTaken: 'This email has already applied to this drive.',
    phoneTaken: 'This phone number has already applied to this drive.',
  },
};

const RELATIONSHIP_WORDS: Record<Locale, Record<Relationship, string>> = {
  vi: {
    employee: 'Nhân viên công ty',
    store_staff: 'Nhân viên cửa hàng',
    dealer_staff: 'Nhân viên đại lý',
    agent: 'Đại lý / cộng tác viên',
    independent: 'Người bán độc lập / livestreamer',
  },
  'zh-CN': { employee: '公司员工', store_staff: '门店店员', dealer_staff: '经销商员工', agent: '代理', independent: '独立主播' },
  en: {
    employee: 'Employee',
    store_staff: 'Store staff',
    dealer_staff: 'Dealer staff',
    agent: 'Agent',
    independent: 'Independent seller / livestreamer',
  },
};
const PLATFORMS: [string, string][] = [
  ['tiktok_shop', 'TikTok Shop'],
  ['shopee', 'Shopee'],
  ['lazada', 'Lazada'],
  ['facebook', 'Facebook'],
  ['youtube', 'YouTube'],
  ['douyin', '抖音 Douyin'],
  ['xiaohongshu', '小红书 Xiaohongshu'],
  ['other', '…'],
];
const OG_LOCALE: Record<Locale, string> = { vi: 'vi_VN', 'zh-CN': 'zh_CN', en: 'en_US' };

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

function shell(locale: Locale, title: string, head: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${e(title)}</title>${head}<style>${CSS}</style></head><body><main>${body}</main></body></html>`;
}

function errorText(w: Record<Word, string>, word: ErrorWord | undefined): string {
  if (!word) return '';
  return `<p class="err" role="alert">${e(w[word === 'consent' ? 'consentMissing' : word])}</p>`;
}

/** The form, empty or filled again with the applicant's values and the errors of a refused post. */
export function renderApplyForm(d: ApplyPageData, values: FormValues = {}, errors: FormErrors = {}): string {
  const w = WORDS[d.locale];
  const description = `${w.intro} ${d.orgName}`;
  const input = (name: string, label: string, type: string, extra: string) =>
    `<label for="f-${name}">${e(label)}</label><input id="f-${name}" name="${name}" type="${type}" value="${e(str(values[name]))}" ${extra}${errors[name] ? ' aria-invalid="true"' : ''}>${errorText(w, errors[name])}`;
  const relationships =
    d.drive.relationships.length > 1
      ? `<fieldset><legend>${e(w.relationship)}</legend>${d.drive.relationships
          .map(
            (r, i) =>
              `<label class="opt"><input type="radio" name="relationship" value="${r}"${values.relationship === r || (!values.relationship && i === 0) ? ' checked' : ''}> ${e(RELATIONSHIP_WORDS[d.locale][r])}</label>`,
          )
          .join('')}${errorText(w, errors.relationship)}</fieldset>`
      : `<input type="hidden" name="relationship" value="${d.drive.relationships[0] ?? 'independent'}">`;
  const sent = (Array.isArray(values.accounts) ? values.accounts : []) as Record<string, unknown>[];
  const accountRow = (i: number) => {
    const a = sent[i] ?? {};
    return `<div class="acc"><select name="accounts[${i}][platform]" aria-label="${e(w.platform)} ${i + 1}">${PLATFORMS.map(([v, l]) => `<option value="${v}"${a.platform === v ? ' selected' : ''}>${e(l)}</option>`).join('')}</select><input name="accounts[${i}][handle]" aria-label="${e(w.handle)} ${i + 1}" placeholder="@${e(w.handle)}" value="${e(str(a.handle))}" autocomplete="off"><input name="accounts[${i}][followers]" aria-label="${e(w.followers)} ${i + 1}" placeholder="${e(w.followers)}" inputmode="numeric" value="${e(str(a.followers))}"></div>`;
  };
  const picked = new Set(Array.isArray(values.categories) ? values.categories.map(str) : []);
  const categories = d.drive.categories.length
    ? `<fieldset><legend>${e(w.categories)}</legend>${d.drive.categories
        .map(
          (c) =>
            `<label class="opt"><input type="checkbox" name="categories" value="${e(c)}"${picked.has(c) ? ' checked' : ''}> ${e(c)}</label>`,
        )
        .join('')}</fieldset>`
    : '';
  const answers = (values.answers ?? {}) as Record<string, unknown>;
  const questions = d.drive.questions.length
    ? `<fieldset><legend>${e(w.questions)}</legend>${d.drive.questions
        .map(
          (q) =>
            `<div class="q"><p>${e(q.label)}</p><label class="opt"><input type="radio" name="answers[${e(q.key)}]" value="yes"${answers[q.key] === true ? ' checked' : ''}> ${e(w.yes)}</label><label class="opt"><input type="radio" name="answers[${e(q.key)}]" value="no"${answers[q.key] === false ? ' checked' : ''}> ${e(w.no)}</label></div>`,
        )
        .join('')}</fieldset>`
    : '';
  const head = `<meta name="description" content="${e(description)}">
<meta property="og:type" content="website"><meta property="og:title" content="${e(d.drive.name)} · ${e(d.orgName)}">
<meta property="og:description" content="${e(description)}"><meta property="og:url" content="${e(d.url)}">
<meta property="og:site_name" content="${e(d.orgName)}"><meta property="og:locale" content="${OG_LOCALE[d.locale]}">`;
  const body = `<header><p class="org">${e(d.orgName)}</p><h1>${e(d.drive.name)}</h1><p>${e(w.apply)}</p></header>
${Object.keys(errors).length ? `<p class="err" role="alert">${e(w.fix)}</p>` : ''}<form method="post" accept-charset="utf-8">
${input('name', w.name, 'text', 'required maxlength="200" autocomplete="name"')}
${input('phone', w.phone, 'tel', 'required inputmode="tel" autocomplete="tel" maxlength="20"')}
${input('email', w.email, 'email', 'required autocomplete="email" maxlength="254"')}
${input('province', w.province, 'text', 'maxlength="100" autocomplete="address-level1"')}
${relationships}<fieldset><legend>${e(w.accounts)}</legend>${accountRow(0)}<details${sent.length > 1 ? ' open' : ''}><summary>${e(w.more)}</summary>${[1, 2, 3, 4].map(accountRow).join('')}</details>${errorText(w, errors.accounts)}</fieldset>
${categories}
${input('sales', `${w.sales} (${d.currency})`, 'text', 'inputmode="numeric" maxlength="20"')}
${input('coverage', w.coverage, 'text', 'inputmode="numeric" maxlength="7"')}
${questions}<div class="hp" aria-hidden="true"><label for="f-website">Website</label><input id="f-website" name="website" tabindex="-1" autocomplete="off"></div>
<label class="opt consent"><input type="checkbox" name="consent" value="yes" required> ${e(w.consent.replace('{org}', d.orgName))}</label>${errorText(w, errors.consent)}
<button type="submit">${e(w.send)}</button></form>
<footer><a href="?lang=vi">Tiếng Việt</a> · <a href="?lang=zh-CN">中文</a> · <a href="?lang=en">English</a></footer>`;
  return shell(d.locale, `${d.drive.name} · ${d.orgName}`, head, body);
}

/** The page after an application is sent (also after a filled honeypot: the bot learns nothing). */
export function renderApplyThanks(locale: Locale, driveName: string): string {
  const w = WORDS[locale];
  return shell(locale, w.thanks, '', `<h1>${e(w.thanks)}</h1><p>${e(driveName)}</p><p>${e(w.thanksText)}</p>`);
}

/** A closed drive (410) or an unknown slug (404). */
export function renderApplyGone(locale: Locale, kind: 'closed' | 'notFound', driveName?: string): string {
  const w = WORDS[locale];
  const title = kind === 'closed' ? w.closed : w.notFound;
  return shell(
    locale,
    title,
    '<meta name="robots" content="noindex">',
    `<h1>${e(title)}</h1>${driveName ? `<p>${e(driveName)}</p>` : ''}${kind === 'closed' ? `<p>${e(w.closedText)}</p>` : ''}`,
  );
}

const CSS =
  'body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f6f4f1;color:#1d1d1f}' +
  'main{max-width:480px;margin:0 auto;padding:20px 16px 40px}h1{font-size:1.4rem;margin:.25rem 0}.org{color:#666;margin:0}' +
  'label{display:block;margin:14px 0 4px;font-weight:600}input,select{box-sizing:border-box;width:100%;font:inherit;padding:12px;' +
  'border:1px solid #bbb;border-radius:10px;background:#fff}input[type=checkbox],input[type=radio]{width:auto;margin:0 8px 0 0}' +
  'fieldset{border:0;padding:0;margin:16px 0}legend{font-weight:600}.opt{font-weight:400;display:flex;align-items:flex-start;margin:8px 0}' +
  '.acc{display:grid;grid-template-columns:1fr 1fr;gap:6px;margin:6px 0}.acc input:last-child{grid-column:1/3}summary{margin:8px 0;color:#0b57d0}' +
  '.q p{margin:10px 0 0}.q .opt{display:inline-flex;margin-right:16px}.hp{position:absolute;left:-9999px}' +
  'button{width:100%;margin-top:20px;padding:14px;border:0;border-radius:999px;background:#d0021b;color:#fff;font:inherit;font-weight:700}' +
  '.err{color:#b00020;margin:4px 0}[aria-invalid=true]{border-color:#b00020}footer{margin-top:2rem;text-align:center;font-size:.85rem}footer a{color:#666}';
