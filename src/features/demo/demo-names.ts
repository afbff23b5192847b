/** Word lists the demo roster is drawn from (Vietnamese names, bios, categories). */

export const FAMILY_NAMES = [
  'Nguyễn',
  'Nguyễn',
  'Nguyễn',
  'Trần',
  'Trần',
  'Lê',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Trịnh',
  'Đinh',
  'Mai',
  'Cao',
] as const;

export const FEMALE_MIDDLE = [
  'Thị',
  'Thị',
  'Ngọc',
  'Thu',
  'Minh',
  'Thanh',
  'Bảo',
  'Gia',
  'Khánh',
  'Hoài',
  'Mỹ',
  'Phương',
  'Kim',
  'Diệu',
] as const;
export const FEMALE_GIVEN = [
  'Lan',
  'Hương',
  'Trang',
  'Linh',
  'Ngân',
  'Vy',
  'Thảo',
  'Hà',
  'Mai',
  'Anh',
  'Phương',
  'Quyên',
  'Nhung',
  'Yến',
  'Hằng',
  'Tâm',
  'Duyên',
  'My',
  'Trâm',
  'Hân',
  'Nhi',
  'Uyên',
  'Giang',
  'Oanh',
  'Thủy',
  'Châu',
  'Ly',
] as const;
export const MALE_MIDDLE = ['Văn', 'Minh', 'Đức', 'Quốc', 'Hoàng', 'Gia', 'Thành', 'Anh'] as const;
export const MALE_GIVEN = ['Tuấn', 'Huy', 'Khoa', 'Nam', 'Đạt', 'Phúc', 'Long', 'Khang', 'Bảo', 'Quân', 'Sơn'] as const;

/** Product categories of the brand (the catalogue uses the same words). */
export const CATEGORIES = ['Chăm sóc da', 'Trang điểm', 'Chống nắng', 'Chăm sóc tóc', 'Chăm sóc cơ thể'] as const;

export const CITY_NAMES: Readonly<Record<string, string>> = {
  HN: 'Hà Nội',
  HP: 'Hải Phòng',
  DN: 'Đà Nẵng',
  HUE: 'Huế',
  NT: 'Nha Trang',
  HCM: 'Sài Gòn',
  BH: 'Biên Hòa',
  CT: 'Cần Thơ',
};

/** `{city}` and `{category}` are filled in per KOS. */
export const BIO_TEMPLATES = [
  'Chuyên review {category} thật, không PR lố 🌿 Livestream 20h thứ 3, 5, 7 trên TikTok Shop.',
  'Cô nàng {city} mê skincare tối giản. Săn deal {category} chính hãng Hoa Sen mỗi tối!',
  'Tư vấn {category} miễn phí theo loại da – nhắn Zalo để được soi da online nhé 💬',
  'Beauty advisor tại {city}, 5 năm kinh nghiệm {category}. Live mỗi tối 21h.',
  'Mẹ bỉm sữa yêu làm đẹp ở {city} 👶 Chỉ giới thiệu sản phẩm mình đã dùng thật.',
  'Makeup artist {city} – chia sẻ bí quyết {category} nhanh gọn cho dân văn phòng.',
  'Da nhạy cảm cũng đẹp được! Góc {category} mỗi thứ 6 – hỏi gì đáp nấy.',
  'Săn sale, so giá, chốt đơn {category} chuẩn Hoa Sen – freeship toàn quốc 🚚',
] as const;

/** Suffixes of platform handles, as sellers name their channels. */
export const HANDLE_SUFFIXES = ['beauty', 'review', 'skincare', 'makeup', 'live', 'official', 'store', 'xinh'] as const;

/** Mobile number prefixes (Viettel, Mobifone, Vinaphone). */
export const PHONE_PREFIXES = ['090', '093', '097', '098', '086', '089', '070', '077', '035', '091', '094'] as const;
