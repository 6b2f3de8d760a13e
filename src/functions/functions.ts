/**
 * HUHANG.* worksheet functions. Thin wrappers over src/core/formulas.ts: the JSDoc below is the source of
 * functions.json (custom-functions-metadata-plugin), so the ids, parameter names, optional flags and range types are
 * a contract pinned by test/functions/metadata.test.ts. Never rename an id.
 *
 * The metadata plugin appends `CustomFunctions.associate(id, fn)` for every function below when webpack builds this
 * file, so no associate calls are written here.
 */
import { errorMessage } from "../core/errors";
import {
  coverage,
  crossRegion,
  isFormulaError,
  multiDirection,
  ratio,
  tierCount,
  usccProblem,
} from "../core/formulas";
import { toExcelError } from "./errors";

// Descriptions are one line each: Excel shows them in the formula tooltip, where a line break would look broken.
/**
 * 统计网络安全级别个数：省略“级别”时返回一行三格（三级、二级、一级），否则返回该级别的个数；三级、3级、第三级、Ⅲ级、三、3 视为同一级别，空白和无法识别的不计。
 * @customfunction TIERCOUNT TIERCOUNT
 * @param {any[][]} levels 网络安全级别所在的区域，如 附件3 或名单中的“网络安全级别”列
 * @param {string|number} [tier] 要统计的级别，如 三级、二级、一级 或 3、2、1；省略时返回 三级/二级/一级 三个数
 * @returns {any[][]} 该级别的个数，或一行三格的个数
 */
export function tierCountFn(
  levels: unknown[][],
  tier?: string | number | boolean | null
): unknown[][] {
  return guard(() => {
    const r = tierCount(levels, tier);
    return typeof r === "number" ? [[r]] : r;
  });
}

/**
 * 按合计计算比率：分子合计 ÷ 分母合计（如 整改数 ÷ 发现数），只计两者都是数字的行（文本数字、全角数字也算）；分母合计为 0 时返回空，表示无数据；Windows 与 Mac 版 Excel 把空白单元格按 0 传入，区域可能有空白时请写 IF(ISBLANK(区域),"",区域)。
 * @customfunction RATIO RATIO
 * @param {any[][]} numerators 分子区域，如 各市州“整改”项数
 * @param {any[][]} denominators 分母区域，与分子区域行列数相同，如 各市州“发现”项数
 * @returns {number|string} 比率（小数，可设为百分比格式），或空
 */
export function ratioFn(numerators: unknown[][], denominators: unknown[][]): number | string {
  return guard(() => ratio(numerators, denominators));
}

/**
 * 按覆盖企业数加权的比例：Σ(企业数 × 比例) ÷ Σ企业数，结果为小数（0.85 即 85%）；比例可写 0.85、85%、"85%" 或 85（大于 1 按百分数）；企业数合计为 0 时返回空；区域可能有空白时请写 IF(ISBLANK(区域),"",区域)（Windows 与 Mac 版 Excel 把空白按 0 传入）。
 * @customfunction COVERAGE COVERAGE
 * @param {any[][]} covered 覆盖企业数区域，如 宣贯培训“覆盖 __ 家企业”
 * @param {any[][]} percents 比例区域，与覆盖企业数区域行列数相同，如 “其中 __% 为重点行业规上企业”
 * @returns {number|string} 加权比例（小数），或空
 */
export function coverageFn(covered: unknown[][], percents: unknown[][]): number | string {
  return guard(() => coverage(covered, percents));
}

// Same enterprise = same valid credit code, else same normalised name (src/core/normalize.ts). Rows whose enterprise
// or direction is blank or unreadable get "" and never count; a blank cell is blank also when Excel desktop hands it
// over as 0 (office-js #4702, #5262). Direction names are written SHORT, in 1–5 order.
/**
 * 标出申报多个方向的企业（规则 R2）：返回等高的一列，同一企业出现在多个方向下时，其每一行写“多方向：”加各方向简称（分类分级、车联网、工控评估、漏洞治理、威胁监测，按 1–5 排列），否则为空。
 * @customfunction MULTIDIRECTION MULTIDIRECTION
 * @param {any[][]} enterprises 企业列：统一社会信用代码或企业名称
 * @param {any[][]} directions 申报方向列：全称、简称（分类分级、车联网、工控评估、漏洞治理、威胁监测）或序号 1–5
 * @returns {any[][]} 与输入等高的一列提示
 */
export function multiDirectionFn(enterprises: unknown[][], directions: unknown[][]): unknown[][] {
  return guard(() => multiDirection(enterprises, directions));
}

// Same matching as MULTIDIRECTION; prefectures as full or short names, written back as full names in GB/T 2260 order.
/**
 * 标出被多个市州推荐的企业（规则 R3）：返回等高的一列，同一企业由多个市州推荐时，其每一行写“多地推荐：”加各市州全称（按行政区划代码排列），否则为空。
 * @customfunction CROSSREGION CROSSREGION
 * @param {any[][]} enterprises 企业列：统一社会信用代码或企业名称
 * @param {any[][]} prefectures 推荐市州列：全称或简称，如 长沙市、长沙、湘西州
 * @returns {any[][]} 与输入等高的一列提示
 */
export function crossRegionFn(enterprises: unknown[][], prefectures: unknown[][]): unknown[][] {
  return guard(() => crossRegion(enterprises, prefectures));
}

/**
 * 检查统一社会信用代码：有效或为空（含 Windows 与 Mac 版 Excel 传入的空白 0）时返回空，否则返回原因（位数、非法字符、哪一位校验码不符、被 Excel 当作数字截断、旧版代码）。
 * @customfunction USCC USCC
 * @param {string|number} code 统一社会信用代码（18 位）
 * @returns {string} 空，或问题说明
 */
export function usccFn(code: string | number | boolean | null): string {
  return guard(() => usccProblem(code));
}

/** Run a core function; a FormulaError or any unexpected exception becomes a CustomFunctions.Error, never uncaught. */
function guard<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (isFormulaError(e)) throw toExcelError(e.kind, e.message);
    throw toExcelError("invalidValue", `计算出错：${errorMessage(e)}`);
  }
}
