import type { ProductCreate } from '../products/products.schema.js';
import type { Random } from './demo-random.js';

type Faq = [question: string, answer: string];

interface DemoProduct {
  sku: string;
  name: string;
  category: string;
  priceMinor: number;
  usp: string;
  faqs: Faq[];
}

const SHIP = [
  'Bao lâu thì nhận được hàng?',
  'Nội thành TP.HCM và Hà Nội 1–2 ngày, tỉnh khác 2–4 ngày; đơn từ 299.000 ₫ được miễn phí vận chuyển.',
] as Faq;
const GENUINE = [
  'Làm sao biết hàng chính hãng?',
  'Mỗi hộp có tem chống giả Hoa Sen; quét mã QR trên tem để kiểm tra. Mua qua link của KOS là hàng từ kho chính hãng.',
] as Faq;
const SENSITIVE = [
  'Da nhạy cảm dùng được không?',
  'Được. Công thức không cồn, không hương liệu, đã kiểm nghiệm kích ứng da; nên thử ở vùng da sau tai 24 giờ trước khi dùng.',
] as Faq;
const PREGNANT = [
  'Mẹ bầu, mẹ cho con bú dùng được không?',
  'Được, thành phần lành tính và không chứa retinoid hay hydroquinone.',
] as Faq;

/** The Hoa Sen catalogue: skin care, sun care, make-up, hair and body. Prices in VND. */
const CATALOGUE: DemoProduct[] = [
  {
    sku: 'HS-SR-VITC30',
    name: 'Serum Vitamin C 15% sáng da Hoa Sen 30ml',
    category: 'Chăm sóc da',
    priceMinor: 389_000,
    usp: 'Vitamin C 15% ổn định kết hợp chiết xuất sen Đồng Tháp, mờ thâm sau 4 tuần, không gây bết rít.',
    faqs: [
      ['Dùng buổi sáng hay buổi tối?', 'Buổi sáng sau toner, trước kem chống nắng; có thể dùng cả buổi tối.'],
      ['Serum bị ngả màu có sao không?', 'Ngả vàng nhẹ là bình thường; nếu chuyển màu cam đậm thì nên thay chai mới.'],
      SENSITIVE,
    ],
  },
  {
    sku: 'HS-SR-B530',
    name: 'Serum B5 phục hồi da Hoa Sen 30ml',
    category: 'Chăm sóc da',
    priceMinor: 329_000,
    usp: 'Panthenol 5% + rau má giúp phục hồi hàng rào da sau treatment, giảm đỏ rát chỉ sau 3 ngày.',
    faqs: [
      ['Dùng chung với retinol được không?', 'Được, B5 giúp giảm bong tróc khi dùng retinol; thoa B5 sau retinol 10 phút.'],
      PREGNANT,
    ],
  },
  {
    sku: 'HS-SR-NIA30',
    name: 'Serum Niacinamide 10% + Kẽm giảm thâm mụn 30ml',
    category: 'Chăm sóc da',
    priceMinor: 289_000,
    usp: 'Niacinamide 10% và kẽm PCA kiềm dầu, se lỗ chân lông, mờ thâm mụn cho da dầu.',
    faqs: [
      [
        'Có dùng chung với Vitamin C được không?',
        'Được, nhưng nên dùng Vitamin C buổi sáng và Niacinamide buổi tối để hiệu quả nhất.',
      ],
      ['Bao lâu thấy hiệu quả?', 'Da bớt dầu sau 1–2 tuần, thâm mờ rõ sau 6–8 tuần dùng đều.'],
      SHIP,
    ],
  },
  {
    sku: 'HS-SR-RET30',
    name: 'Tinh chất Retinol 0.5% chống lão hóa 30ml',
    category: 'Chăm sóc da',
    priceMinor: 459_000,
    usp: 'Retinol 0.5% bao nang giải phóng chậm, giảm nếp nhăn mà ít bong tróc, thêm ceramide dưỡng ẩm.',
    faqs: [
      [
        'Người mới dùng retinol nên bắt đầu thế nào?',
        'Dùng 2 tối mỗi tuần trong 2 tuần đầu, sau đó tăng dần; ban ngày luôn dùng kem chống nắng.',
      ],
      ['Mẹ bầu dùng được không?', 'Không. Phụ nữ mang thai và cho con bú không nên dùng retinol.'],
    ],
  },
  {
    sku: 'HS-CN-SPF50',
    name: 'Kem chống nắng Hoa Sen SPF50+ PA++++ 50ml',
    category: 'Chống nắng',
    priceMinor: 259_000,
    usp: 'Màng lọc thế hệ mới, chống nước 80 phút, thấm nhanh không vệt trắng – hợp khí hậu nóng ẩm Việt Nam.',
    faqs: [
      ['Có cần tẩy trang không?', 'Có, nên dùng nước tẩy trang hoặc sữa rửa mặt tạo bọt vào buổi tối.'],
      ['Bao lâu thoa lại một lần?', 'Thoa lại sau mỗi 2–3 giờ khi ở ngoài trời hoặc sau khi ra nhiều mồ hôi.'],
      SHIP,
    ],
  },
  {
    sku: 'HS-CN-TONE50',
    name: 'Kem chống nắng nâng tông Hoa Sen SPF50+ 50ml',
    category: 'Chống nắng',
    priceMinor: 289_000,
    usp: 'Nâng tông tự nhiên 1 tone, thay được kem lót; chất kem mỏng nhẹ cho da dầu.',
    faqs: [['Có bị xám da không?', 'Không, sắc tố hồng nhẹ giúp da sáng tự nhiên, không bị xám hay mốc.'], GENUINE],
  },
  {
    sku: 'HS-CN-XIT150',
    name: 'Xịt chống nắng toàn thân SPF50 150ml',
    category: 'Chống nắng',
    priceMinor: 229_000,
    usp: 'Xịt phun sương 360°, khô thoáng ngay, tiện mang theo khi đi biển hay chạy xe máy.',
    faqs: [
      ['Xịt lên mặt được không?', 'Nên xịt ra tay rồi thoa lên mặt, tránh xịt trực tiếp vào mắt và mũi.'],
      ['Có được mang lên máy bay?', 'Chai 150ml vượt giới hạn hành lý xách tay 100ml, vui lòng để trong hành lý ký gửi.'],
    ],
  },
  {
    sku: 'HS-SRM-TRA150',
    name: 'Sữa rửa mặt tạo bọt trà xanh 150ml',
    category: 'Chăm sóc da',
    priceMinor: 189_000,
    usp: 'Bọt mịn từ trà xanh Thái Nguyên làm sạch sâu, pH 5.5 không khô căng.',
    faqs: [['Da khô dùng được không?', 'Được, pH 5.5 dịu nhẹ; da rất khô nên dùng 1 lần mỗi tối.'], SHIP, GENUINE],
  },
  {
    sku: 'HS-SRM-DIU120',
    name: 'Sữa rửa mặt dịu nhẹ cho da nhạy cảm 120ml',
    category: 'Chăm sóc da',
    priceMinor: 199_000,
    usp: 'Không xà phòng, không hương liệu, chiết xuất yến mạch làm dịu da đang mụn hoặc kích ứng.',
    faqs: [SENSITIVE, ['Có tạo bọt không?', 'Bọt rất ít, dạng gel sữa; ít bọt giúp giữ độ ẩm tự nhiên của da.']],
  },
  {
    sku: 'HS-TT-SEN400',
    name: 'Nước tẩy trang hoa sen Hậu Giang 400ml',
    category: 'Chăm sóc da',
    priceMinor: 219_000,
    usp: 'Công nghệ micellar lấy sạch kem chống nắng và son lì chỉ với một bông, không cần rửa lại.',
    faqs: [
      ['Tẩy trang mắt môi được không?', 'Được với trang điểm thường; mascara chống nước nên dùng dầu tẩy trang.'],
      PREGNANT,
      SHIP,
    ],
  },
  {
    sku: 'HS-TN-SEN200',
    name: 'Toner hoa sen cấp ẩm 200ml',
    category: 'Chăm sóc da',
    priceMinor: 249_000,
    usp: 'Nước cất hoa sen và HA 3 tầng cấp ẩm tức thì, cân bằng da sau rửa mặt.',
    faqs: [['Dùng bông hay vỗ tay?', 'Cả hai đều được; da nhạy cảm nên vỗ nhẹ bằng tay để tránh ma sát.'], SENSITIVE],
  },
  {
    sku: 'HS-KD-CER50',
    name: 'Kem dưỡng ẩm Ceramide Hoa Sen 50g',
    category: 'Chăm sóc da',
    priceMinor: 359_000,
    usp: '3 loại ceramide + squalane khóa ẩm 48 giờ, kết cấu gel-cream không bí da.',
    faqs: [
      ['Da dầu có cần kem dưỡng không?', 'Có, da dầu thiếu nước tiết dầu nhiều hơn; kem dạng gel-cream này thấm nhanh.'],
      GENUINE,
    ],
  },
  {
    sku: 'HS-MN-NGU80',
    name: 'Mặt nạ ngủ sen trắng 80g',
    category: 'Chăm sóc da',
    priceMinor: 269_000,
    usp: 'Ngủ dậy da căng mọng; chiết xuất sen trắng và niacinamide giúp da sáng đều màu.',
    faqs: [
      ['Dùng mấy lần một tuần?', '2–3 tối mỗi tuần, thay cho bước kem dưỡng cuối cùng.'],
      ['Có cần rửa lại không?', 'Không cần rửa giữa đêm; sáng hôm sau rửa mặt như bình thường.'],
    ],
  },
  {
    sku: 'HS-SON-DOGACH',
    name: 'Son kem lì Hoa Sen – Đỏ gạch',
    category: 'Trang điểm',
    priceMinor: 199_000,
    usp: 'Lì mịn như nhung nhưng không khô môi nhờ dầu hạt sen; bền màu 8 giờ, không trôi khi ăn uống nhẹ.',
    faqs: [
      ['Màu có hợp da ngăm không?', 'Đỏ gạch hợp hầu hết tông da, đặc biệt tôn da ngăm và da vàng.'],
      ['Có chì không?', 'Không, sản phẩm đã kiểm nghiệm kim loại nặng đạt chuẩn của Bộ Y tế.'],
      SHIP,
    ],
  },
  {
    sku: 'HS-SON-HONGDAT',
    name: 'Son dưỡng có màu Hoa Sen – Hồng đất',
    category: 'Trang điểm',
    priceMinor: 189_000,
    usp: 'Vừa dưỡng vừa có màu tự nhiên, bơ shea và vitamin E giảm nứt nẻ; hợp đi học, đi làm.',
    faqs: [PREGNANT, ['Có lên màu trên môi thâm không?', 'Lên màu hồng đất nhẹ; môi thâm nên thoa 2 lớp.']],
  },
  {
    sku: 'HS-CUS-KD15',
    name: 'Cushion kiềm dầu Hoa Sen SPF35 15g',
    category: 'Trang điểm',
    priceMinor: 429_000,
    usp: 'Che phủ vừa, kiềm dầu 12 giờ, có SPF35; tặng kèm lõi thay thế trong hộp.',
    faqs: [
      ['Có mấy tông màu?', 'Hai tông: 01 sáng hồng và 02 tự nhiên cho da vàng.'],
      ['Đổi màu được không?', 'Được đổi trong 7 ngày nếu chưa sử dụng, còn nguyên tem.'],
      GENUINE,
    ],
  },
  {
    sku: 'HS-PP-SEN10',
    name: 'Phấn phủ bột sen kiềm dầu 10g',
    category: 'Trang điểm',
    priceMinor: 259_000,
    usp: 'Bột sen và bột gạo siêu mịn, làm mờ lỗ chân lông, không để lại vệt trắng khi chụp ảnh flash.',
    faqs: [['Dùng không trang điểm được không?', 'Được, phủ nhẹ sau kem chống nắng để da ráo mịn cả ngày.'], SHIP],
  },
  {
    sku: 'HS-DG-BUOI300',
    name: 'Dầu gội tinh dầu bưởi ngăn rụng tóc 300ml',
    category: 'Chăm sóc tóc',
    priceMinor: 199_000,
    usp: 'Tinh dầu vỏ bưởi Năm Roi và bồ kết giảm rụng tóc sau 4 tuần, không silicone.',
    faqs: [
      ['Tóc nhuộm dùng được không?', 'Được, công thức không sulfate mạnh nên giữ màu nhuộm lâu hơn.'],
      ['Bao lâu thấy giảm rụng?', 'Thường sau 3–4 tuần gội đều 3 lần mỗi tuần.'],
      PREGNANT,
    ],
  },
  {
    sku: 'HS-ST-SEN500',
    name: 'Sữa tắm hoa sen trắng dưỡng ẩm 500ml',
    category: 'Chăm sóc cơ thể',
    priceMinor: 209_000,
    usp: 'Hương sen thanh mát lưu 6 giờ, dầu dừa Bến Tre giữ ẩm, da không khô sau tắm.',
    faqs: [['Trẻ em dùng được không?', 'Dùng được cho trẻ từ 3 tuổi; trẻ nhỏ hơn nên dùng sữa tắm chuyên cho bé.'], SHIP],
  },
  {
    sku: 'HS-DT-TONE200',
    name: 'Kem dưỡng thể nâng tông Hoa Sen 200ml',
    category: 'Chăm sóc cơ thể',
    priceMinor: 279_000,
    usp: 'Nâng tông tức thì, dưỡng trắng dần với niacinamide; không dính áo, không bết.',
    faqs: [
      ['Có trôi khi ra mồ hôi không?', 'Lớp nâng tông bền nhưng có thể trôi nhẹ khi ra nhiều mồ hôi; thoa lại khi cần.'],
      GENUINE,
    ],
  },
  {
    sku: 'HS-SET-QUA5',
    name: 'Bộ quà tặng dưỡng da Hoa Sen 5 món',
    category: 'Chăm sóc da',
    priceMinor: 890_000,
    usp: 'Đủ quy trình sữa rửa mặt – toner – serum – kem dưỡng – chống nắng trong hộp quà sơn mài, tiết kiệm 25%.',
    faqs: [
      ['Có kèm thiệp và túi quà không?', 'Có, miễn phí thiệp viết tay và túi giấy; ghi lời chúc ở phần ghi chú đơn hàng.'],
      SHIP,
      GENUINE,
    ],
  },
];

/** The catalogue as `createProduct` input, with stock and marketplace ids drawn from `rand`. */
export function buildDemoProducts(rand: Random): ProductCreate[] {
  return CATALOGUE.map((p) => ({
    sku: p.sku,
    name: p.name,
    category: p.category,
    priceMinor: p.priceMinor,
    stock: rand.int(4, 120) * 10,
    usp: p.usp,
    faqs: p.faqs.map(([q, a]) => ({ q, a })),
    platformIds: { shopee: `2${rand.digits(10)}`, tiktok_shop: `17${rand.digits(17)}` },
    deliveryDays: rand.int(1, 4),
    // The brand shop's page: where KOS members' own links lead (docs/portal.md); no draw, so the demo stays put.
    url: `https://shop.hoasen.example/p/${p.sku.toLowerCase()}`,
  }));
}
