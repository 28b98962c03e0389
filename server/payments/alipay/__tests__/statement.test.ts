import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { encodeGbk } from "../../../../scripts/sandboxes/alipay/gbk";
import { parseDetailCsv, parseTradeBill } from "../statement";

/** A 业务明细 file laid out as Alipay's trade bill is (comment lines, tab-padded cells, summary lines). */
const DETAIL = [
  "#支付宝业务明细查询",
  "#账号：[20881234567890120156]",
  "#起始日期：[2026年11月29日 00:00:00]   终止日期：[2026年11月30日 00:00:00]",
  "#-----------------------------------------业务明细列表----------------------------------------",
  "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注",
  "2026112922001404560000000001\t,SO1001\t,交易\t,连衣裙\t,2026-11-29 09:00:00\t,2026-11-29 09:00:05\t,\t,\t,\t,\t,159****5620\t,100.00\t,100.00\t,0.00\t,0.00\t,0.00\t,0.00\t,0.00\t,\t,0.00\t,0.00\t,\t,-0.60\t,0.00\t,\t",
  "2026112922001404560000000001\t,SO1001\t,退款\t,连衣裙\t,2026-11-29 09:00:00\t,2026-11-29 23:59:59\t,\t,\t,\t,\t,159****5620\t,-12.30\t,-12.30\t,0.00\t,0.00\t,0.00\t,0.00\t,0.00\t,\t,0.00\t,0.00\t,RFRMA0001-1\t,0.07\t,0.00\t,质量问题\t",
  '"2026112922001404560000000002"\t,"SO1002"\t,"退款"\t,"T恤"\t,"2026-11-28 12:00:00"\t,"2026-11-29 00:00:01"\t,,,,,,"-0.01"\t,"-0.01"\t,,,,,,,,,"RFRMA0002-2"\t,,,',
  "#-----------------------------------------业务明细列表结束------------------------------------",
  "#交易合计：1笔，商家实收共100.00元，商家优惠共0.00元",
  "#退款合计：2笔，商家实收退款共-12.31元，商家优惠退款共0.00元",
  "#导出时间：[2026年11月30日 09:12:00]",
].join("\r\n");

const SUMMARY = [
  "#支付宝业务汇总查询",
  "#-----------------------------------------业务汇总列表----------------------------------------",
  "门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）,支付宝优惠（元）,商家优惠（元）,卡消费金额（元）,服务费（元）,分润（元）,实收净额（元）",
  "合计,,1,2,87.69,87.69,0.00,0.00,0.00,-0.53,0.00,87.16",
].join("\r\n");

describe("Alipay trade bill", () => {
  it("lists the refund lines of the GBK 业务明细 file in the zip, amounts exact, times in Beijing", () => {
    const zip = zipSync({ "2088123456789012_20261129_业务明细(汇总).csv": encodeGbk(SUMMARY), "2088123456789012_20261129_业务明细.csv": encodeGbk(DETAIL) });
    expect(parseTradeBill(zip)).toEqual([
      { outRefundNo: "RFRMA0001-1", gatewayRefundId: "2026112922001404560000000001", orderNo: "SO1001", amountFen: 1230, status: "SUCCESS", at: new Date("2026-11-29T15:59:59Z") },
      { outRefundNo: "RFRMA0002-2", gatewayRefundId: "2026112922001404560000000002", orderNo: "SO1002", amountFen: 1, status: "SUCCESS", at: new Date("2026-11-28T16:00:01Z") },
    ]);
  });

  it("the summary file alone is not a detail file; a zip without one is an error", () => {
    expect(parseDetailCsv(SUMMARY)).toBeNull();
    expect(() => parseTradeBill(zipSync({ "summary.csv": encodeGbk(SUMMARY) }))).toThrow(/no 业务明细/);
  });

  it("an unreadable refund line is an error, not a silently missing refund", () => {
    const broken = DETAIL.replace("-12.30\t,-12.30", "abc\t,def");
    expect(() => parseDetailCsv(broken)).toThrow(/could not be read/);
  });
});
