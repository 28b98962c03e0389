import type { RejectionCode } from "../../server/domain/vocabulary";
import type { CategoryCode } from "./catalog-data";

/**
 * What customers and staff typically write at each step (zh-CN), so the demo history reads like a real one.
 * Keyed by the customer reasons migration 0005 seeds (reasons are rows; the demo uses those).
 */
export const NOTES = {
  quality_problem: ["收到后发现有开线", "用了两天就坏了", "有明显瑕疵，做工粗糙", "开机后屏幕有亮点"],
  wrong_item: ["颜色发错了，下单的是黑色", "发来的规格和订单不一致", "尺码发错了"],
  damaged_in_transit: ["外箱被压坏，里面的瓶子漏液了", "快递到的时候已经碎了", "包装破损，商品有划痕"],
  size_not_fit: ["尺码偏小，平时穿 M 这次要换 L", "偏大一码，想换小一号", "裤长太长了"],
  not_as_described: ["实物颜色和详情页差别很大", "材质和描述不一样", "效果和宣传不符"],
  no_longer_wanted: ["七天无理由退货", "拍重了一件", "家里已经有了，不需要了"],
  missing_parts: ["包装里没有充电线", "少了一个配件", "说明书和保修卡都没有"],
  other: ["送人的礼物对方不需要了", "买给家里老人的，用不习惯"],
} as const satisfies Record<string, readonly string[]>;
export type SeedReasonCode = keyof typeof NOTES;

export const REASONS_BY_CATEGORY: Record<CategoryCode, readonly SeedReasonCode[]> = {
  baby: ["quality_problem", "size_not_fit", "no_longer_wanted", "damaged_in_transit"],
  apparel: ["size_not_fit", "size_not_fit", "not_as_described", "quality_problem", "no_longer_wanted", "wrong_item"],
  beauty: ["no_longer_wanted", "damaged_in_transit", "wrong_item", "not_as_described"],
  electronics: ["quality_problem", "missing_parts", "not_as_described", "damaged_in_transit", "no_longer_wanted"],
  jewellery: ["not_as_described", "no_longer_wanted", "quality_problem", "other"],
  food: ["damaged_in_transit"],
  home: ["damaged_in_transit", "quality_problem", "not_as_described", "no_longer_wanted"],
};

export const COMMENTS = {
  csApprove: ["照片已核实，同意退货", "符合七天无理由退货，同意", "已核实订单，同意", "问题属实，同意处理"],
  opsApprove: ["金额较大，已核对订单与顾客历史，同意", "高价值商品，已确认照片与描述一致，同意", "已复核，同意"],
  opsApproveAppeal: ["申诉理由成立，同意处理", "已查看顾客补充的开箱视频，同意退货"],
  opsApproveEscalated: ["客服超时未处理，已复核，同意", "已复核，同意"],
  requestInfo: ["请补充商品问题部位的清晰照片", "请提供外包装及快递面单的照片", "请说明具体是哪个部位有问题，并补充照片", "请补充吊牌是否完好的照片"],
  provideInfo: ["已补充照片，请查看", "问题在左侧袖口，照片已上传", "外包装和面单照片已上传", "吊牌完好，照片已补充"],
  appeal: ["商品收到时就是这样的，我有开箱视频", "吊牌是收到后才发现断的，请再核实一下", "我没有使用过，麻烦重新审核"],
  cancel: ["不想退了", "已经找到合适的尺码，不退了", "和客服协商好了，不用退了", "买错了，已重新下单"],
  receiveOk: ["外包装完好，商品无使用痕迹", "已签收，数量与申请一致", "验货通过"],
  acceptFull: ["与顾客沟通后确认为运输造成的损坏，全额退款", "差异不影响二次销售，按全额处理"],
  acceptPartial: ["商品有轻微使用痕迹，扣除部分金额后退款", "少退回一个配件，按配件价格扣款"],
  approveRefund: ["金额已核对，同意退款", "已核对订单实付金额，同意"],
  refund: ["原路退回", "已提交原路退款"],
  shipReplacement: ["换货商品已发出", "新尺码已发出，请注意查收"],
} as const;

export const REJECTIONS: { cs: readonly [RejectionCode, string][]; ops: readonly [RejectionCode, string][] } = {
  cs: [
    ["evidence_insufficient", "照片无法看出所述问题，请重新申请并上传清晰照片"],
    ["used_or_damaged_by_customer", "商品已拆封使用，影响二次销售，不符合无理由退货条件"],
    ["other", "已与顾客电话沟通，改为补发配件处理"],
  ],
  ops: [
    ["inspection_failed", "退回商品与申请不符：吊牌已剪，有明显穿着痕迹"],
    ["used_or_damaged_by_customer", "退回商品有进水痕迹，属人为损坏"],
    ["evidence_insufficient", "无法确认质量问题，建议联系品牌售后检测"],
  ],
};

export const MISMATCH_NOTES = { short: "少件：实收数量少于申请数量", used: "商品有明显使用痕迹", damaged: "商品外观破损" } as const;

export const REFUND_FAILURES = ["ACQ.SELLER_BALANCE_NOT_ENOUGH 商户可用余额不足", "NOTENOUGH 基本账户余额不足"] as const;

/** Carrier codes of server/schemas/customer.ts with plausible tracking number shapes. */
export const CARRIER_TRACKING: readonly [string, (digits: (n: number) => string) => string][] = [
  ["sf", (d) => `SF${d(13)}`],
  ["zto", (d) => `7${d(14)}`],
  ["yto", (d) => `YT${d(13)}`],
  ["yunda", (d) => `43${d(13)}`],
  ["jd", (d) => `JDVA${d(11)}`],
  ["ems", (d) => `11${d(11)}`],
  ["jt", (d) => `JT${d(13)}`],
];
