/**
 * The demo merchant's catalogue: a mid-sized shop selling across the four channels.
 * Prices in fen. `extra` raises the price of one attribute value (larger capacity etc.).
 */
export interface CategorySpec {
  code: string;
  nameZh: string;
  nameEn: string;
  highValue: boolean;
  returnable: boolean;
  returnWindowDays: number;
}

export const CATEGORIES: readonly CategorySpec[] = [
  { code: "baby", nameZh: "母婴", nameEn: "Baby & maternity", highValue: false, returnable: true, returnWindowDays: 7 },
  // Apparel merchants commonly give 15 days: size problems show up late.
  { code: "apparel", nameZh: "服装", nameEn: "Apparel", highValue: false, returnable: true, returnWindowDays: 15 },
  { code: "beauty", nameZh: "美妆", nameEn: "Beauty", highValue: false, returnable: true, returnWindowDays: 7 },
  { code: "electronics", nameZh: "数码", nameEn: "Electronics", highValue: true, returnable: true, returnWindowDays: 7 },
  { code: "jewellery", nameZh: "珠宝", nameEn: "Jewellery", highValue: true, returnable: true, returnWindowDays: 7 },
  // Perishable food is excluded from 7-day no-reason returns (消费者权益保护法 art. 25).
  { code: "food", nameZh: "食品", nameEn: "Food", highValue: false, returnable: false, returnWindowDays: 7 },
  { code: "home", nameZh: "家居", nameEn: "Home", highValue: false, returnable: true, returnWindowDays: 7 },
];

export type CategoryCode = "baby" | "apparel" | "beauty" | "electronics" | "jewellery" | "food" | "home";

export interface ProductSpec {
  spu: string;
  category: CategoryCode;
  name: string;
  priceFen: number;
  attributes: Record<string, string[]>;
  extra?: Record<string, number>;
}

export const PRODUCTS: readonly ProductSpec[] = [
  // 母婴
  { spu: "BB-1001", category: "baby", name: "柔护超薄婴儿纸尿裤 64片", priceFen: 13900, attributes: { 尺码: ["S", "M", "L", "XL"] } },
  { spu: "BB-1002", category: "baby", name: "宽口径玻璃奶瓶 240ml", priceFen: 8900, attributes: { 颜色: ["透明", "浅粉"] } },
  { spu: "BB-1003", category: "baby", name: "新生儿纯棉长袖连体衣", priceFen: 12900, attributes: { 颜色: ["奶白", "浅黄"], 尺码: ["59", "66", "73"] } },
  { spu: "BB-1004", category: "baby", name: "轻便折叠婴儿推车", priceFen: 89900, attributes: { 颜色: ["雾霾蓝", "燕麦灰"] } },
  { spu: "BB-1005", category: "baby", name: "智能恒温调奶器 1.2L", priceFen: 25900, attributes: { 颜色: ["白色"] } },
  // 服装
  { spu: "AP-2001", category: "apparel", name: "男士纯棉圆领短袖T恤", priceFen: 8900, attributes: { 颜色: ["白色", "黑色", "藏青"], 尺码: ["M", "L", "XL"] } },
  { spu: "AP-2002", category: "apparel", name: "女士高腰直筒牛仔裤", priceFen: 19900, attributes: { 颜色: ["浅蓝", "深蓝"], 尺码: ["S", "M", "L"] } },
  { spu: "AP-2003", category: "apparel", name: "女款轻薄短款羽绒服", priceFen: 59900, attributes: { 颜色: ["米白", "黑色"], 尺码: ["S", "M", "L"] } },
  { spu: "AP-2004", category: "apparel", name: "男士免烫商务长袖衬衫", priceFen: 25900, attributes: { 颜色: ["白色", "浅蓝"], 尺码: ["39", "40", "41", "42"] } },
  { spu: "AP-2005", category: "apparel", name: "羊毛混纺针织开衫", priceFen: 32900, attributes: { 颜色: ["燕麦色", "酒红"], 尺码: ["M", "L"] } },
  { spu: "AP-2006", category: "apparel", name: "运动速干短裤", priceFen: 7900, attributes: { 颜色: ["黑色", "深灰"], 尺码: ["M", "L", "XL"] } },
  // 美妆
  { spu: "BT-3001", category: "beauty", name: "玻尿酸补水保湿面膜", priceFen: 9900, attributes: { 容量: ["10片", "20片"] }, extra: { "20片": 8000 } },
  { spu: "BT-3002", category: "beauty", name: "氨基酸温和洁面乳", priceFen: 5900, attributes: { 容量: ["100g", "150g"] }, extra: { "150g": 2000 } },
  { spu: "BT-3003", category: "beauty", name: "烟酰胺焕亮精华液", priceFen: 23900, attributes: { 容量: ["30ml", "50ml"] }, extra: { "50ml": 12000 } },
  { spu: "BT-3004", category: "beauty", name: "哑光丝绒唇膏", priceFen: 12900, attributes: { 颜色: ["#999 正红", "#316 豆沙", "#888 砖红"] } },
  { spu: "BT-3005", category: "beauty", name: "清爽防晒乳 SPF50+", priceFen: 8900, attributes: { 容量: ["50ml"] } },
  // 数码
  { spu: "DG-4001", category: "electronics", name: "旗舰 5G 智能手机 12GB 运行内存", priceFen: 599900, attributes: { 颜色: ["曜石黑", "远峰蓝"], 容量: ["256GB", "512GB"] }, extra: { "512GB": 100000 } },
  { spu: "DG-4002", category: "electronics", name: "主动降噪真无线蓝牙耳机", priceFen: 129900, attributes: { 颜色: ["白色", "黑色"] } },
  { spu: "DG-4003", category: "electronics", name: "14 英寸轻薄笔记本电脑 16GB+512GB", priceFen: 649900, attributes: { 颜色: ["深空灰", "银色"] } },
  { spu: "DG-4004", category: "electronics", name: "智能运动手表", priceFen: 189900, attributes: { 颜色: ["黑色", "樱花粉"], 尺码: ["41mm", "45mm"] } },
  { spu: "DG-4005", category: "electronics", name: "65W 氮化镓快充充电器", priceFen: 14900, attributes: { 颜色: ["白色"] } },
  { spu: "DG-4006", category: "electronics", name: "20000mAh 大容量移动电源", priceFen: 19900, attributes: { 颜色: ["白色", "黑色"] } },
  // 珠宝
  { spu: "JW-5001", category: "jewellery", name: "足金转运珠红绳手链", priceFen: 268000, attributes: { 尺码: ["16cm", "18cm"] } },
  { spu: "JW-5002", category: "jewellery", name: "18K 金钻石锁骨链", priceFen: 398000, attributes: { 颜色: ["白金色", "玫瑰金"] } },
  { spu: "JW-5003", category: "jewellery", name: "S925 银简约耳钉", priceFen: 29900, attributes: { 颜色: ["银色"] } },
  { spu: "JW-5004", category: "jewellery", name: "淡水珍珠项链 7-8mm", priceFen: 89900, attributes: { 尺码: ["42cm", "45cm"] } },
  // 食品
  { spu: "FD-6001", category: "food", name: "每日坚果礼盒 30袋装", priceFen: 16800, attributes: { 容量: ["750g"] } },
  { spu: "FD-6002", category: "food", name: "武夷山大红袍岩茶 250g", priceFen: 39800, attributes: { 容量: ["250g"] } },
  { spu: "FD-6003", category: "food", name: "五常稻花香大米 5kg", priceFen: 8900, attributes: { 容量: ["5kg"] } },
  { spu: "FD-6004", category: "food", name: "手工黑巧克力礼盒", priceFen: 12800, attributes: { 容量: ["16粒", "32粒"] }, extra: { "32粒": 9000 } },
  // 家居
  { spu: "HM-7001", category: "home", name: "天然乳胶枕 一对装", priceFen: 39900, attributes: { 颜色: ["白色"] } },
  { spu: "HM-7002", category: "home", name: "全棉磨毛床品四件套", priceFen: 45900, attributes: { 颜色: ["雾灰", "湖蓝"], 尺码: ["1.5m 床", "1.8m 床"] } },
  { spu: "HM-7003", category: "home", name: "316 不锈钢保温杯 500ml", priceFen: 12900, attributes: { 颜色: ["奶油白", "墨绿", "樱粉"] } },
  { spu: "HM-7004", category: "home", name: "北欧陶瓷餐具 16 件套", priceFen: 29900, attributes: { 颜色: ["哑光白", "雾霾蓝"] } },
  { spu: "HM-7005", category: "home", name: "静音香薰加湿器", priceFen: 19900, attributes: { 颜色: ["白色", "木纹"] } },
];

export const CHANNELS = [
  { code: "own_shop", name: "自营商城" },
  { code: "taobao", name: "淘宝" },
  { code: "jd", name: "京东" },
  { code: "douyin", name: "抖音" },
] as const;
