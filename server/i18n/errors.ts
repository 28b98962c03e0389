import { z } from "zod";
import type { ErrorCode, ErrorParams } from "../domain/errors";
import { ACTION_NAMES, ROLE_NAMES, STATUS_NAMES } from "./domain-terms";
import { interpolate, type Locale } from "./locale";

const ERROR_MESSAGES: Record<ErrorCode, Record<Locale, string>> = {
  invalid_transition: {
    "zh-CN": "当前状态「{status}」下不能执行「{action}」",
    en: "“{action}” is not allowed while the request is “{status}”",
  },
  role_not_allowed: {
    "zh-CN": "{role}不能在状态「{status}」下执行「{action}」",
    en: "{role} may not “{action}” while the request is “{status}”",
  },
  appeal_already_used: { "zh-CN": "每个申请只能申诉一次", en: "A request can be appealed only once" },
  cancel_after_receipt: { "zh-CN": "仓库已签收包裹，不能再取消申请", en: "The warehouse has received the parcel: the request can no longer be cancelled" },
  four_eyes_required: {
    "zh-CN": "大额退款需由另一位财务人员执行（复核人不能同时付款）",
    en: "A large refund must be paid by a second finance user, not the one who approved it",
  },
  partial_not_allowed: { "zh-CN": "换货不能部分退款", en: "An exchange cannot be partially refunded" },
  quantity_exceeds_available: {
    "zh-CN": "「{title}」最多还能申请 {available} 件",
    en: "At most {available} of “{title}” can still be returned",
  },
  items_already_claimed: {
    "zh-CN": "这些商品已在另一个退换货申请中",
    en: "These items are already part of another return request",
  },
  line_not_returnable: { "zh-CN": "「{title}」不能退换：{why}", en: "“{title}” cannot be returned: {why}" },
  refund_exceeds_paid: { "zh-CN": "退款金额不能超过实付金额", en: "A refund cannot exceed what was paid" },
  version_conflict: {
    "zh-CN": "该申请刚被其他人处理过，请刷新后再试",
    en: "Someone else has just acted on this request. Reload and try again",
  },
  not_found: { "zh-CN": "找不到该记录", en: "Not found" },
  unauthorized: { "zh-CN": "请先登录", en: "Please sign in" },
  forbidden: { "zh-CN": "没有权限执行此操作", en: "You are not allowed to do this" },
  rate_limited: { "zh-CN": "操作过于频繁，请 {retryAfter} 秒后再试", en: "Too many attempts. Try again in {retryAfter} s" },
  code_invalid: { "zh-CN": "验证码不正确", en: "The code is not correct" },
  code_expired: { "zh-CN": "验证码已过期，请重新获取", en: "The code has expired. Request a new one" },
  code_attempts_exceeded: {
    "zh-CN": "验证码错误次数过多，请重新获取",
    en: "Too many wrong codes. Request a new one",
  },
  challenge_required: {
    "zh-CN": "请求较多，需要先完成安全检查",
    en: "Many attempts: a quick security check is needed first",
  },
  challenge_invalid: {
    "zh-CN": "安全检查未通过，请重试",
    en: "The security check did not pass. Try again",
  },
  sms_unavailable: {
    "zh-CN": "短信服务暂不可用，请联系商家",
    en: "Text messages are not available right now. Please contact the shop",
  },
  missing_field: { "zh-CN": "缺少必填项：{field}", en: "Missing required field: {field}" },
  duplicate_lines: { "zh-CN": "同一商品不能重复添加", en: "The same item is listed twice" },
  exchange_variant_invalid: {
    "zh-CN": "「{title}」没有可换的该款式",
    en: "The wanted variant of “{title}” is not available",
  },
  photo_not_an_image: {
    "zh-CN": "这个文件不是图片，请选择 JPG、PNG 或 WebP 照片",
    en: "This file is not a picture. Choose a JPG, PNG or WebP photo",
  },
  photo_heic_not_supported: {
    "zh-CN": "暂不支持 HEIC 格式。请在 iPhone「设置 → 相机 → 格式」中选择「兼容性最佳」，或上传截图",
    en: "HEIC photos are not supported. On iPhone choose Settings → Camera → Formats → Most Compatible, or upload a screenshot",
  },
  request_too_large: { "zh-CN": "提交的内容太大（最大 {limitKb} KB）", en: "What was sent is too large (at most {limitKb} KB)" },
  photo_busy: { "zh-CN": "正在处理其他照片，请 {retryAfter} 秒后重试", en: "Other photos are being processed. Try again in {retryAfter} s" },
  photo_too_large: { "zh-CN": "图片太大（最大 {limitMb} MB）", en: "The photo is too large (at most {limitMb} MB)" },
  photo_too_many_pixels: { "zh-CN": "图片像素过高（最大 {limitMp} 百万像素）", en: "The photo has too many pixels (at most {limitMp} megapixels)" },
  photo_undecodable: { "zh-CN": "图片已损坏或不完整，请重新拍摄", en: "The photo is damaged or incomplete. Take it again" },
  photos_required: {
    "zh-CN": "「{reasonZh}」需要至少上传 1 张照片",
    en: "“{reasonEn}” needs at least one photo",
  },
  too_many_photos: { "zh-CN": "最多上传 {max} 张照片", en: "At most {max} photos" },
  not_awaiting_goods: {
    "zh-CN": "此申请（{status}）不在等待退货，未做任何更改",
    en: "This request (“{status}”) is not waiting for goods. Nothing was changed",
  },
  parcel_line_invalid: { "zh-CN": "该商品不属于此申请，或在本包裹中重复填写", en: "This item is not part of the request, or is listed twice in this parcel" },
  parcel_quantity_over: { "zh-CN": "数量不能超过申请退回的 {max} 件", en: "At most {max}, the quantity the customer is returning" },
  parcel_photo_unavailable: { "zh-CN": "包裹照片不存在或已被使用，请重新拍摄", en: "The parcel photo is missing or already used. Take it again" },
  receipt_empty: { "zh-CN": "还没有登记任何包裹，不能结束收货", en: "No parcel has been recorded yet: the receipt cannot be closed" },
  unmatched_already_recorded: { "zh-CN": "该快递单号已登记为无主包裹", en: "A parcel with this tracking number is already recorded as unmatched" },
  unmatched_already_linked: { "zh-CN": "该无主包裹已关联到申请 {rmaNo}", en: "This parcel is already linked to request {rmaNo}" },
  held_by_other: {
    "zh-CN": "该申请已被其他同事认领，正在处理中。如需接手请联系认领人或店长",
    en: "A colleague has claimed this request and is handling it. Ask them or the store manager to hand it over",
  },
  not_holder: { "zh-CN": "只有认领人或店长可以释放该申请", en: "Only the person holding this request or the store manager can release it" },
  not_in_queue: { "zh-CN": "该申请不在你的待办队列中（当前状态「{status}」）", en: "This request is not in your queue (it is “{status}”)" },
  assignee_cannot_act: {
    "zh-CN": "该员工（{role}）不能处理状态为「{status}」的申请，或账号已停用",
    en: "This staff member ({role}) cannot act on a request that is “{status}”, or the account is disabled",
  },
  bulk_needs_ops_review: { "zh-CN": "需要运营主管复核，不能批量通过", en: "Needs an operations manager review: cannot be bulk approved" },
  bulk_amount_over_limit: {
    "zh-CN": "退款金额超过批量通过上限 ¥{limit}",
    en: "The refund is above the bulk approval limit of ¥{limit}",
  },
  bulk_risk_signal: { "zh-CN": "存在风险提示（{signal}），请逐个审核", en: "A risk signal fired ({signal}): review it on its own" },
  cursor_invalid: { "zh-CN": "翻页位置无效，请回到第一页", en: "The page position is invalid. Go back to the first page" },
  self_change_refused: {
    "zh-CN": "不能停用自己的账号或修改自己的角色",
    en: "You cannot disable your own account or change your own role",
  },
  last_admin: {
    "zh-CN": "至少要保留一位启用中的店长",
    en: "At least one active store manager must remain",
  },
  email_taken: { "zh-CN": "该邮箱已有账号", en: "An account with this email already exists" },
  password_wrong: { "zh-CN": "当前密码不正确", en: "The current password is not correct" },
  password_change_required: {
    "zh-CN": "请先设置新密码再继续",
    en: "Set a new password before you continue",
  },
  proof_required: { "zh-CN": "需要先完成浏览器验证，请重试", en: "Your browser must pass a check first. Try again" },
  second_factor_required: {
    "zh-CN": "请先输入动态验证码（两步验证）再继续",
    en: "Enter your authenticator code (two-step verification) before you continue",
  },
  second_factor_wrong: {
    "zh-CN": "验证码不正确、已过期或已用过，请输入验证器上的最新 6 位数字",
    en: "The code is wrong, expired or already used. Enter the newest 6-digit code from your authenticator",
  },
  reason_unavailable: { "zh-CN": "该原因已停用或不存在，请重新选择", en: "This reason is no longer offered. Choose another one" },
  reason_code_taken: { "zh-CN": "已有使用该代码的原因", en: "A reason with this code already exists" },
  reason_photo_rejection: { "zh-CN": "驳回原因不需要照片设置", en: "Rejection reasons have no photo rule" },
  warehouse_is_default: {
    "zh-CN": "默认仓库不能停用：请先把另一个仓库设为默认",
    en: "The default warehouse cannot be deactivated: make another warehouse the default first",
  },
  warehouse_category_unknown: { "zh-CN": "所选品类不存在，请刷新后重新选择", en: "A chosen category does not exist. Reload and choose again" },
  no_gateway_for_method: {
    "zh-CN": "未配置「{method}」的支付网关，无法在线退款：请线下退款（或在平台上退款）并登记",
    en: "No payment gateway is configured for {method}, so this refund cannot be paid online: refund offline (or on the platform) and record it",
  },
  statement_unavailable: {
    "zh-CN": "暂时无法从支付网关下载 {day} 的对账单，请稍后再试",
    en: "The payment gateway's statement for {day} could not be downloaded. Try again shortly",
  },
  refund_amount_not_lower: {
    "zh-CN": "新金额须大于 0 且低于当前的 ¥{currentYuan}",
    en: "The new amount must be above 0 and below the current ¥{currentYuan}",
  },
  refund_not_retryable: {
    "zh-CN": "这笔退款当前不能重新发起（可能已被处理），请刷新页面",
    en: "This refund cannot be retried now (someone may have handled it). Reload the page",
  },
  offline_refund_not_allowed: {
    "zh-CN": "这笔退款仍在处理中或已完成，不能改为线下退款，请刷新页面",
    en: "This refund is still in progress or already done, so it cannot be recorded offline. Reload the page",
  },
  receipt_unavailable: { "zh-CN": "凭证图片不存在或已被使用，请重新上传", en: "The receipt image is missing or already used. Upload it again" },
  nothing_to_refund: {
    "zh-CN": "所选商品的可退金额为 ¥0（赠品或已按原价退款），无需退款；如需换货请选择「换货」，其他问题请联系客服",
    en: "The items you chose have ¥0 to refund (a free gift, or already refunded at their price). Choose an exchange instead, or contact customer service",
  },
  replacement_out_of_stock: {
    "zh-CN": "换货商品「{title}」已无库存，无法批准；可改为退货退款",
    en: "The replacement variant of “{title}” is out of stock, so the exchange cannot be approved; it can become a refund instead",
  },
  replacement_in_stock: {
    "zh-CN": "换货商品仍有库存，无需改为退款",
    en: "The replacement variant is in stock; the exchange does not need to become a refund",
  },
  database_unavailable: {
    "zh-CN": "系统暂时无法访问数据库，请稍后重试（已提交的申请不会丢失）",
    en: "The database is unavailable for a moment. Please try again shortly (anything already submitted is safe)",
  },
  migrations_behind: {
    "zh-CN": "数据库结构版本落后，请运行 npm run db:migrate",
    en: "The database schema is behind. Run npm run db:migrate",
  },
};

const WHY: Record<string, Record<Locale, string>> = {
  order_not_paid: { "zh-CN": "订单未付款", en: "the order is not paid" },
  category_not_returnable: { "zh-CN": "该品类不支持退换", en: "this category cannot be returned" },
  return_window_passed: { "zh-CN": "已超过退换货期限", en: "the return window has passed" },
  fully_claimed: { "zh-CN": "已全部申请过退换", en: "already returned" },
};

/** Risk signals (server/domain/risk.ts) named in a refusal, e.g. of bulk approval. */
const RISK_NAMES: Record<string, Record<Locale, string>> = {
  high_return_rate: { "zh-CN": "退货率高", en: "high return rate" },
  earlier_rejections: { "zh-CN": "曾被驳回", en: "earlier rejections" },
  earlier_mismatches: { "zh-CN": "曾验货不符", en: "earlier inspection mismatches" },
  amount_above_average: { "zh-CN": "金额远高于以往", en: "amount far above their average" },
  shared_contact: { "zh-CN": "与他人共用联系信息", en: "contact details shared with others" },
};

/** Payment methods named in a refusal (the same names the request screen shows). */
const METHOD_NAMES: Record<string, Record<Locale, string>> = {
  alipay: { "zh-CN": "支付宝", en: "Alipay" },
  wechat_pay: { "zh-CN": "微信支付", en: "WeChat Pay" },
  unionpay: { "zh-CN": "银联", en: "UnionPay" },
  platform: { "zh-CN": "平台代收", en: "platform" },
};

/** Translates the params that are themselves domain words (states, actions, roles). Reason names come from their rows, in both languages. */
function localiseParams(params: ErrorParams, locale: Locale): ErrorParams {
  const out: ErrorParams = { ...params };
  if (typeof params.status === "string" && params.status in STATUS_NAMES) out.status = STATUS_NAMES[params.status as keyof typeof STATUS_NAMES][locale];
  if (typeof params.action === "string" && params.action in ACTION_NAMES) out.action = ACTION_NAMES[params.action as keyof typeof ACTION_NAMES][locale];
  if (typeof params.role === "string" && params.role in ROLE_NAMES) out.role = ROLE_NAMES[params.role as keyof typeof ROLE_NAMES][locale];
  if (typeof params.why === "string" && params.why in WHY) out.why = WHY[params.why]![locale];
  if (typeof params.method === "string" && params.method in METHOD_NAMES) out.method = METHOD_NAMES[params.method]![locale];
  if (typeof params.signal === "string") {
    out.signal = params.signal
      .split(",")
      .map((s) => RISK_NAMES[s]?.[locale] ?? s)
      .join(locale === "zh-CN" ? "、" : ", ");
  }
  return out;
}

export function errorMessage(code: ErrorCode, params: ErrorParams, locale: Locale): string {
  return interpolate(ERROR_MESSAGES[code][locale], localiseParams(params, locale));
}

/** Messages for schema rules of our own (`{ error: "v.phone" }` in a zod schema). */
const VALIDATION_MESSAGES: Record<string, Record<Locale, string>> = {
  "v.phone": { "zh-CN": "请输入 11 位中国大陆手机号", en: "Enter an 11-digit mainland China mobile number" },
  "v.orderNo": { "zh-CN": "请输入订单号（6–32 位字母或数字）", en: "Enter the order number (6–32 letters or digits)" },
  "v.smsCode": { "zh-CN": "请输入 6 位数字验证码", en: "Enter the 6-digit code" },
  "v.email": { "zh-CN": "请输入有效的邮箱地址", en: "Enter a valid email address" },
  "v.password": { "zh-CN": "请输入密码", en: "Enter your password" },
  "v.required": { "zh-CN": "此项必填", en: "This field is required" },
  "v.linesRequired": { "zh-CN": "请至少选择一件商品", en: "Choose at least one item" },
  "v.quantity": { "zh-CN": "数量须为正整数", en: "Quantity must be a whole number of at least 1" },
  "v.note": { "zh-CN": "说明不能超过 500 字", en: "The note can be at most 500 characters" },
  "v.comment": { "zh-CN": "备注不能超过 1000 字", en: "The comment can be at most 1000 characters" },
  "v.trackingNo": { "zh-CN": "请输入正确的快递单号（8–30 位字母或数字）", en: "Enter a valid tracking number (8–30 letters or digits)" },
  "v.carrier": { "zh-CN": "请选择快递公司", en: "Choose a carrier" },
  "v.replacementCarrier": { "zh-CN": "请选择或填写快递公司（最多 40 字）", en: "Choose or enter a carrier (at most 40 characters)" },
  "v.replacementTrackingNo": { "zh-CN": "请输入正确的快递单号（6–40 位字母、数字或 -）", en: "Enter a valid tracking number (6–40 letters, digits or -)" },
  "v.reasonRequired": { "zh-CN": "驳回时必须选择原因", en: "Choose a reason for the rejection" },
  "v.exchangeSku": { "zh-CN": "换货请选择想要的款式", en: "Choose the variant you want instead" },
  "v.fen": { "zh-CN": "金额须为不小于 0 的整数（分）", en: "Amount must be a whole number of fen, at least 0" },
  "v.fenPositive": { "zh-CN": "请输入大于 0 的金额（元，最多两位小数）", en: "Enter an amount above 0 (yuan, at most 2 decimals)" },
  "v.offlineReference": { "zh-CN": "请填写转账流水号或收据编号（1–100 字）", en: "Enter the transfer or receipt reference (1–100 characters)" },
  "v.offlineMethod": { "zh-CN": "请选择退款方式", en: "Choose how the money was paid back" },
  "v.receipt": { "zh-CN": "请上传凭证图片", en: "Upload an image of the receipt" },
  "v.date": { "zh-CN": "请输入有效日期", en: "Enter a valid date" },
  "v.dayRange": { "zh-CN": "结束日期须不早于开始日期，且最多 31 天", en: "The end day must be on or after the start day, at most 31 days" },
  "v.staffName": { "zh-CN": "姓名最多 60 个字", en: "The name can be at most 60 characters" },
  "v.role": { "zh-CN": "请选择角色", en: "Choose a role" },
  "v.passwordLength": { "zh-CN": "新密码须为 10–200 个字符", en: "The new password must be 10–200 characters" },
  "v.passwordMismatch": { "zh-CN": "两次输入的新密码不一致", en: "The two new passwords do not match" },
  "v.passwordSame": { "zh-CN": "新密码不能与当前密码相同", en: "The new password must differ from the current one" },
  "v.count": { "zh-CN": "请输入 0–1000 的整数", en: "Enter a whole number from 0 to 1000" },
  "v.reasonCode": { "zh-CN": "代码须为 2–40 位小写字母、数字或下划线", en: "The code must be 2–40 lower-case letters, digits or underscores" },
  "v.reasonName": { "zh-CN": "名称须为 1–40 个字", en: "The name must be 1–40 characters" },
  "v.reasonPick": { "zh-CN": "请选择原因", en: "Choose a reason" },
  "v.warehouseName": { "zh-CN": "仓库名称须为 1–60 个字", en: "The warehouse name must be 1–60 characters" },
  "v.warehouseAddress": { "zh-CN": "请填写完整的收货地址（1–200 字）", en: "Enter the full address (1–200 characters)" },
  "v.contactName": { "zh-CN": "请填写收件人（1–30 字）", en: "Enter the addressee (1–30 characters)" },
  "v.contactPhone": { "zh-CN": "请填写手机号或带区号的座机号", en: "Enter a mobile number or a landline with its area code" },
  "v.postalCode": { "zh-CN": "邮编须为 6 位数字，或留空", en: "The postal code is 6 digits, or leave it empty" },
  "v.webhookName": { "zh-CN": "名称须为 1–60 个字", en: "The name must be 1–60 characters" },
  "v.webhookUrl": { "zh-CN": "请填写以 http:// 或 https:// 开头的地址（最多 500 字，不含用户名密码）", en: "Enter an http:// or https:// address (at most 500 characters, no user name or password)" },
  "v.webhookEvent": { "zh-CN": "请选择列表中的事件", en: "Choose events from the list" },
  "v.channelKind": { "zh-CN": "请选择企业微信机器人或邮件", en: "Choose a WeCom robot or e-mail" },
  "v.channelTarget": { "zh-CN": "请填写机器人地址或邮箱（最多 500 字）", en: "Enter the robot URL or an e-mail address (at most 500 characters)" },
  "v.wecomUrl": {
    "zh-CN": "请粘贴企业微信群机器人的 Webhook 地址（https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…）",
    en: "Paste the WeCom group robot's webhook URL (https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…)",
  },
  "v.timeoutAction": { "zh-CN": "此阶段不能选择该超时处理", en: "This stage cannot take that action when late" },
  "v.idempotencyKey": { "zh-CN": "请求标识无效，请刷新页面", en: "Invalid request key. Reload the page" },
};

type ZodIssue = z.core.$ZodIssue;

export function validationMessage(issue: ZodIssue, locale: Locale): string {
  const custom = VALIDATION_MESSAGES[issue.message];
  if (custom) return custom[locale];
  const localeError = (locale === "zh-CN" ? z.locales.zhCN() : z.locales.en()).localeError;
  const result = localeError(issue as never);
  return typeof result === "string" ? result : (result?.message ?? issue.message);
}

/** `{ "lines.0.quantity": "数量须为正整数" }`: one message per field, the first issue wins. */
export function fieldErrors(issues: readonly ZodIssue[], locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_form";
    out[key] ??= validationMessage(issue, locale);
  }
  return out;
}
