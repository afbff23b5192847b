/**
 * The demo's three courses (docs/training.md): one required for every new KOS, one for tier C, one for
 * tiers S and A — each a video, a document and a five-question quiz, written for a Vietnamese cosmetics
 * brand selling on Shopee, TikTok Shop and Lazada. `daysAgo`: when the course was published.
 */
export const DEMO_COURSES = [
  {
    daysAgo: 21,
    course: {
      title: 'Nhập môn KOS Mỹ phẩm Hoa Sen',
      description: 'Khoá bắt buộc cho mọi KOS mới: thương hiệu, quy định quảng cáo mỹ phẩm và cách dùng link theo dõi.',
      required: true,
      dueDays: 14,
      audience: { statuses: ['onboarding', 'active'] },
      published: true,
      lessons: [
        {
          id: 'gioi-thieu',
          title: 'Câu chuyện thương hiệu Hoa Sen',
          kind: 'video',
          url: 'https://video.hoasen.example/nhap-mon/cau-chuyen-thuong-hieu.mp4',
        },
        {
          id: 'quy-dinh',
          title: 'Quy định khi giới thiệu mỹ phẩm',
          kind: 'document',
          body: [
            'Mỹ phẩm không phải là thuốc: không nói sản phẩm "chữa", "điều trị" hay "trị dứt điểm" mụn, nám hay bất kỳ bệnh nào.',
            'Chỉ dùng công dụng đã được công bố trên nhãn và trong phiếu công bố sản phẩm mỹ phẩm.',
            'Luôn ghi rõ khi nội dung là hợp tác quảng cáo (#hoptac, #quangcao).',
            'Mỗi đơn phải đi qua link theo dõi hoặc mã giảm giá của bạn để được tính hoa hồng; không chia sẻ mã của KOS khác.',
            'Không so sánh hạ thấp sản phẩm của thương hiệu khác.',
          ].join('\n\n'),
        },
        {
          id: 'kiem-tra',
          title: 'Bài kiểm tra nhập môn',
          kind: 'quiz',
          questions: [
            {
              q: 'Câu nào được phép nói khi giới thiệu serum Hoa Sen?',
              choices: ['Serum trị dứt điểm mụn sau 7 ngày', 'Serum giúp da trông ẩm mượt hơn', 'Serum chữa được nám'],
              answer: 1,
            },
            {
              q: 'Đơn hàng được tính cho bạn khi nào?',
              choices: [
                'Khi khách mua qua link theo dõi hoặc mã giảm giá của bạn',
                'Khi khách đã xem livestream của bạn',
                'Khi khách theo dõi tài khoản của bạn',
              ],
              answer: 0,
            },
            {
              q: 'Nội dung hợp tác quảng cáo cần ghi chú thế nào?',
              choices: ['Không cần ghi', 'Ghi #hoptac hoặc #quangcao', 'Chỉ ghi khi khách hỏi'],
              answer: 1,
            },
            {
              q: 'Bạn có được dùng mã giảm giá của KOS khác không?',
              choices: ['Có, nếu mã đó giảm nhiều hơn', 'Không', 'Có, trong dịp 11.11'],
              answer: 1,
            },
            {
              q: 'Công dụng nào được phép nhắc đến?',
              choices: [
                'Bất kỳ công dụng nào khách thích',
                'Công dụng đã được công bố trên nhãn sản phẩm',
                'Công dụng của thuốc tương tự',
              ],
              answer: 1,
            },
          ],
        },
      ],
    },
  },
  {
    daysAgo: 10,
    course: {
      title: 'Tăng tốc đơn hàng cho KOS hạng C',
      description: 'Những việc nhỏ tạo ra đơn đầu tiên mỗi tuần trên Shopee và TikTok Shop.',
      required: false,
      dueDays: 14,
      audience: { tiers: ['C'] },
      published: true,
      lessons: [
        {
          id: 'video-ngan',
          title: 'Quay video ngắn 30 giây bằng điện thoại',
          kind: 'video',
          url: 'https://video.hoasen.example/hang-c/video-ngan-30-giay.mp4',
        },
        {
          id: 'lich-dang',
          title: 'Lịch đăng bài và giờ vàng',
          kind: 'document',
          body: [
            'Đăng đều 1 video mỗi ngày; giờ vàng thường là 11:30–13:00 và 20:00–22:30.',
            'Gắn sản phẩm vào giỏ hàng TikTok Shop ngay trong video, kèm link rút gọn ở bio.',
            'Săn ngày đôi (9.9, 10.10, 11.11, 12.12): báo trước 3 ngày, nhắc lại vào tối hôm trước.',
            'Trả lời mọi bình luận hỏi giá trong vòng 1 giờ.',
          ].join('\n\n'),
        },
        {
          id: 'kiem-tra',
          title: 'Kiểm tra nhanh',
          kind: 'quiz',
          questions: [
            {
              q: 'Nên đăng video bao lâu một lần?',
              choices: ['Mỗi tháng một lần', 'Mỗi ngày một video', 'Chỉ dịp lễ'],
              answer: 1,
            },
            {
              q: 'Khung giờ nào thường là giờ vàng buổi tối?',
              choices: ['02:00–04:00', '20:00–22:30', '06:00–07:00'],
              answer: 1,
            },
            {
              q: 'Sản phẩm nên được gắn ở đâu trong video TikTok?',
              choices: ['Giỏ hàng TikTok Shop', 'Không gắn, để khách tự tìm', 'Chỉ ghi tên trong phần bình luận'],
              answer: 0,
            },
            { q: 'Nên báo trước ngày đôi bao lâu?', choices: ['3 ngày', 'Không cần báo', '1 tháng'], answer: 0 },
            {
              q: 'Trả lời bình luận hỏi giá trong bao lâu?',
              choices: ['Trong vòng 1 giờ', 'Cuối tuần', 'Không cần trả lời'],
              answer: 0,
            },
          ],
        },
      ],
    },
  },
  {
    daysAgo: 7,
    course: {
      title: 'Livestream chuyên sâu cho KOS hạng S và A',
      description: 'Kịch bản phiên live 2 giờ, flash sale và chăm sóc khách quay lại.',
      required: false,
      dueDays: 21,
      audience: { tiers: ['S', 'A'] },
      published: true,
      lessons: [
        {
          id: 'kich-ban',
          title: 'Kịch bản phiên live 2 giờ',
          kind: 'video',
          url: 'https://video.hoasen.example/s-a/kich-ban-live-2-gio.mp4',
        },
        {
          id: 'flash-sale',
          title: 'Flash sale và quản lý tồn kho trong phiên',
          kind: 'document',
          body: [
            'Mở phiên bằng sản phẩm chủ lực, flash sale đầu tiên ở phút 15 khi lượng người xem đã ổn định.',
            'Mỗi flash sale giới hạn số lượng và thời gian; đọc to số lượng còn lại để tạo động lực chốt đơn.',
            'Kiểm tra tồn kho trước phiên: sản phẩm sắp hết chỉ nên xuất hiện một lần.',
            'Sau phiên: gửi mã cảm ơn cho khách đã mua, tổng kết GMV, tỷ lệ chuyển đổi và câu hỏi chưa trả lời.',
          ].join('\n\n'),
        },
        {
          id: 'kiem-tra',
          title: 'Kiểm tra chuyên sâu',
          kind: 'quiz',
          questions: [
            { q: 'Flash sale đầu tiên nên ở phút thứ mấy?', choices: ['Phút 1', 'Phút 15', 'Phút cuối'], answer: 1 },
            {
              q: 'Sản phẩm sắp hết hàng nên xuất hiện thế nào?',
              choices: ['Lặp lại nhiều lần', 'Chỉ một lần', 'Không bao giờ nhắc tới'],
              answer: 1,
            },
            {
              q: 'Chỉ số nào cần tổng kết sau phiên?',
              choices: ['GMV và tỷ lệ chuyển đổi', 'Chỉ số lượt thích', 'Số người theo dõi của KOS khác'],
              answer: 0,
            },
            {
              q: 'Điều gì tạo động lực chốt đơn trong flash sale?',
              choices: ['Đọc to số lượng còn lại', 'Giấu giá', 'Kéo dài flash sale vô hạn'],
              answer: 0,
            },
            {
              q: 'Khách đã mua trong phiên nên nhận gì?',
              choices: ['Không gì cả', 'Mã cảm ơn cho lần mua sau', 'Tin nhắn quảng cáo mỗi giờ'],
              answer: 1,
            },
          ],
        },
      ],
    },
  },
] as const;
