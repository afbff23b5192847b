import type { MappingSpec } from './import-mappings.js';

/**
 * Ready mappings for exports we ship no parser for (docs/formats.md, "Douyin and Xiaohongshu presets").
 * Their headers follow the fields the platforms document for their affiliate and order APIs; neither
 * platform publishes its console export's header list, so an org checks a preset against its own file
 * with the preview and saves it (adjusted) under a name of its own.
 */
export interface MappingPreset {
  key: string;
  label: string;
  platform: MappingSpec['platform'];
  mapping: MappingSpec;
}

export const MAPPING_PRESETS: readonly MappingPreset[] = [
  {
    key: 'douyin_alliance',
    label: 'Douyin 精选联盟 (Buyin affiliate orders)',
    platform: 'douyin',
    mapping: {
      platform: 'douyin',
      format: 'csv',
      delimiter: null,
      headerRow: 1,
      columns: {
        orderId: '订单ID',
        lineKey: '商品ID',
        status: '订单状态',
        orderTime: '付款时间',
        completedTime: '结算时间',
        productName: '商品名称',
        quantity: '商品数量',
        grossMinor: '商品金额',
        netMinor: '支付金额',
        platformCommissionMinor: '预估佣金',
        creator: '达人昵称',
        contentType: '流量来源',
      },
      statuses: {
        已付款: 'pending',
        已收货: 'pending',
        已结算: 'completed',
        已退款: 'returned',
        已失效: 'cancelled',
        PAY_SUCC: 'pending',
        CONFIRM: 'pending',
        SETTLE: 'completed',
        REFUND: 'returned',
      },
      amountUnit: 'major',
      decimalMark: '.',
      currency: 'CNY',
      timezone: 'Asia/Shanghai',
      dateFormat: 'yyyy-MM-dd HH:mm:ss',
    },
  },
  {
    key: 'xiaohongshu_orders',
    label: 'Xiaohongshu 订单 (shop order export)',
    platform: 'xiaohongshu',
    mapping: {
      platform: 'xiaohongshu',
      format: 'csv',
      delimiter: null,
      headerRow: 1,
      columns: {
        orderId: '订单号',
        status: '订单状态',
        orderTime: '下单时间',
        completedTime: '完成时间',
        sku: '商家编码',
        productName: '商品名称',
        quantity: '商品数量',
        grossMinor: '商品总价',
        netMinor: '实付金额',
        refundMinor: '退款金额',
        creator: '达人昵称',
      },
      statuses: {
        待付款: 'unpaid',
        已支付: 'pending',
        待发货: 'pending',
        已发货: 'pending',
        售后中: 'pending',
        已完成: 'completed',
        已取消: 'cancelled',
        已关闭: 'cancelled',
        已退款: 'returned',
      },
      amountUnit: 'major',
      decimalMark: '.',
      currency: 'CNY',
      timezone: 'Asia/Shanghai',
      dateFormat: 'yyyy-MM-dd HH:mm:ss',
    },
  },
];
