/** Which 企业类别 may apply in which direction (section 二 of 附件1; SPEC.md). */
import type { Category, DirectionName } from "../vocabulary";

export const ELIGIBLE_CATEGORIES: Readonly<Record<DirectionName, readonly Category[]>> = {
  工业互联网安全分类分级案例: ["工业企业", "工业互联网平台企业", "工业互联网标识解析企业"],
  车联网网络安全防护案例: ["智能网联汽车生产企业", "车联网服务平台企业"],
  工业控制系统安全评估案例: ["工业企业"],
  工业控制产品漏洞治理案例: ["网络安全企业", "工业控制产品厂商", "工业企业"],
  网络安全威胁监测服务案例: ["基础电信企业"],
};
