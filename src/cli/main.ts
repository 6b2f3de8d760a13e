/**
 * `huhang`: the batch command line of 护航汇总 for provincial staff and prefecture clerks.
 */
import { errorMessage } from "../core/errors";
import { parseArgs, UsageError } from "./args";
import {
  checkCommand,
  demoCommand,
  exportCommand,
  mergeCommand,
  templateCommand,
  type Io,
} from "./commands";

export const HELP = `护航汇总 huhang —— 护航新型工业化网络安全典型案例推荐汇总（命令行）

用法：
  huhang merge <文件|文件夹>... --out <汇总表.xlsx> [--json] [--year 2024] [--prefecture 市州]
      读取各市州推荐汇总表（.xlsx）和企业申报表（.docx），检查规则，写出汇总工作簿
      （推荐汇总表、明细、地区指标、问题清单）。市州汇总本地申报表时用 --prefecture 指定推荐单位。
  huhang check <文件|文件夹>... [--json] [--year 2024] [--prefecture 市州]
      只读取和检查，列出问题，不写任何文件。
  huhang demo [--out <文件夹>]
      生成 13 个市州的示例推荐汇总表（含故意设置的问题，张家界市未报）并合并。
  huhang export <省级汇总表.xlsx> --out <推荐名单.xlsx> [--top N]
      按“明细”中专家填写的评审得分从高到低导出推荐名单（附件3 格式）；同分及未评分的按
      申报方向、市州、市州推荐顺序排列。
  huhang template annex2|annex3 --out <文件.xlsx>
      写出空白的附件2 地区指标表或附件3 推荐汇总表（带下拉选项）。

选项：
  --json        在标准输出打印一个 JSON 对象（供脚本使用）
  --year N      遴选年度（默认 2024；截止日期为当年 12 月 25 日）
  --help        显示本帮助

退出码：0 已写出结果（无论有无问题）；1 没能写出结果；2 用法错误。`;

const SPEC = { flags: ["json", "help"], values: ["out", "year", "top", "prefecture"] };

export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    io.out(HELP);
    return command ? 0 : 2;
  }
  try {
    const args = parseArgs(rest, SPEC);
    if (args.options.help) {
      io.out(HELP);
      return 0;
    }
    switch (command) {
      case "merge":
        return await mergeCommand(args, io);
      case "check":
        return await checkCommand(args, io);
      case "demo":
        return await demoCommand(args, io);
      case "export":
        return await exportCommand(args, io);
      case "template":
        return await templateCommand(args, io);
      default:
        throw new UsageError(`未知命令“${command}”`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`用法错误：${e.message}\n运行 huhang --help 查看用法。`);
      return 2;
    }
    io.err(`出错，未写出结果：${errorMessage(e)}`);
    return 1;
  }
}

/** Entry point used by bin/huhang.js. */
export function main(): void {
  run(process.argv.slice(2), {
    out: (t) => process.stdout.write(t + "\n"),
    err: (t) => process.stderr.write(t + "\n"),
    today: () => new Date().toISOString().slice(0, 10),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`出错：${errorMessage(e)}\n`);
      process.exitCode = 1;
    }
  );
}
