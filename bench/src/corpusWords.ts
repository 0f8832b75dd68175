/** Vocabulary for generated docs and code: enough variety that no two requirements read alike. */

export const EN_PRODUCTS = [
  'Checkout', 'Payments', 'Loyalty', 'Search', 'Catalog', 'Inventory', 'Shipping', 'Returns', 'Accounts', 'Messaging',
  'Analytics', 'Billing', 'Reviews', 'Pricing', 'Marketplace', 'Onboarding', 'Support', 'Notifications', 'Wallet', 'Subscriptions',
];
export const ZH_PRODUCTS = [
  '支付中心', '会员体系', '商品中心', '订单中心', '营销平台', '库存管理', '物流配送', '客服系统', '数据平台', '财务结算',
  '搜索推荐', '内容社区', '风控平台', '门店管理', '供应链', '开放平台', '消息中心', '账户中心', '评价系统', '活动中心',
];

export const EN_VERBS = ['Show', 'Save', 'Export', 'Import', 'Filter', 'Sort', 'Share', 'Schedule', 'Approve', 'Refund', 'Sync', 'Archive', 'Notify', 'Validate', 'Preview'];
export const EN_NOUNS = [
  'order history', 'saved cards', 'delivery slots', 'promo codes', 'gift cards', 'invoices', 'wish lists', 'price alerts',
  'store pickup', 'address book', 'payment methods', 'tax receipts', 'loyalty points', 'return labels', 'bulk orders',
  'audit log', 'team roles', 'webhooks', 'usage reports', 'spending limits', 'product bundles', 'back-in-stock alerts',
];
export const EN_QUALIFIERS = ['on mobile', 'for guests', 'in the back office', 'per store', 'in bulk', 'for business accounts', 'offline', 'by e-mail', 'across devices', 'with one tap'];

export const ZH_VERBS = ['查看', '保存', '导出', '导入', '筛选', '排序', '分享', '预约', '审批', '退款', '同步', '归档', '通知', '校验', '预览'];
export const ZH_NOUNS = [
  '订单记录', '常用银行卡', '配送时段', '优惠券', '礼品卡', '电子发票', '收藏夹', '降价提醒', '门店自提', '收货地址',
  '支付方式', '交易凭证', '会员积分', '退货单', '批量订单', '操作日志', '角色权限', '回调通知', '用量报表', '消费限额',
];
export const ZH_QUALIFIERS = ['（移动端）', '（游客）', '（后台）', '（按门店）', '（批量）', '（企业账户）', '（离线）', '（短信）', '（多端同步）', '（一键）'];

export const EN_NAMES = ['Emma Clarke', 'Priya Raman', 'Daniel Okafor', 'Tom Becker', 'Jonas Weber', 'Marcus Lee', 'Sofia Rossi', 'Aiko Tanaka', 'Lucas Martin', 'Nora Hansen'];
export const ZH_NAMES = ['王磊', '刘洋', '陈静', '赵敏', '孙浩', '李娜', '张伟', '周婷', '吴强', '郑爽'];

export const STATUSES = ['proposed', 'approved', 'in-progress', 'done', 'verified', 'deferred'];
export const PRIORITIES = ['P0', 'P1', 'P2', 'P3'];
export const RELEASES = ['1.0', '1.1', '2.0', '2.1', '2.2', '3.0'];

/** ID-shaped words with unknown prefixes that real text is full of; none of them may be reported. */
export const NOISE = ['UTF-8', 'SHA-256', 'ISO-8601', 'AES-256', 'RFC-7231', 'COVID-19', 'ISO-27001', 'GB-18030', 'HTTP-2', 'CVE-2024-3094', 'PCI-DSS-4', 'X-509', 'TLS-1'];

export const EN_SENTENCES = [
  'The shopper sees the result without reloading the page.',
  'Support staff can find the record by e-mail address or order number.',
  'The change is recorded in the audit log with the user and the time.',
  'Errors are shown next to the field that caused them, in plain language.',
  'Data is stored in the EU region and deleted after the retention period.',
  'The feature is behind a flag until the pilot stores confirm it works.',
  'Response time stays under 300 ms at the 95th percentile.',
  'All texts are available in English, Dutch and German.',
];
export const ZH_SENTENCES = [
  '用户无需刷新页面即可看到结果。',
  '客服可以通过手机号或订单号查到记录。',
  '每次变更都会记录操作人和时间，便于审计。',
  '出错时在对应字段旁给出清晰的提示。',
  '数据保存在境内机房，超过保存期限后自动删除。',
  '功能先在试点门店灰度上线，验证后全量开放。',
  '接口 P95 响应时间不超过 300 毫秒。',
  '文案同时提供简体中文和英文版本。',
];
