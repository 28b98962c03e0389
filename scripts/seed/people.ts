import type { Prng } from "./prng";

// Common surnames weighted roughly by frequency, and given-name characters that read naturally.
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "韩", "冯", "许", "邓", "曹"];
const GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "婷", "浩", "宇", "欣怡", "子涵", "梓萱", "雨桐", "思远", "嘉怡", "晨", "佳琪", "俊杰", "文博", "晓燕", "雪", "慧", "鹏", "琳"];
// Mobile prefixes in use by China Mobile, Unicom and Telecom.
const PREFIXES = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156", "157", "158", "159", "166", "176", "177", "178", "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "193", "195", "198", "199"];

export function chineseName(rng: Prng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.3) ? rng.pick(GIVEN).slice(0, 1) : "");
}

export function mobilePhone(rng: Prng): string {
  return rng.pick(PREFIXES) + rng.digits(8);
}

/** `count` customers with distinct phone numbers, none equal to the ones in `reserved`. */
export function makeCustomers(rng: Prng, count: number, reserved: ReadonlySet<string>): { phone: string; name: string }[] {
  const seen = new Set(reserved);
  const out: { phone: string; name: string }[] = [];
  while (out.length < count) {
    const phone = mobilePhone(rng);
    if (seen.has(phone)) continue;
    seen.add(phone);
    out.push({ phone, name: chineseName(rng) });
  }
  return out;
}
