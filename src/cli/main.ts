/**
 * `huhang`: the batch command line of 护航汇总 for provincial staff and prefecture clerks.
 */
import { errorMessage } from "../core/errors";
import { optionHelp, parseArgs, UsageError } from "./args";
import { COMMANDS, type Command, type Io } from "./commands";
import { selectNodeCodec } from "./nodeCodec";

export const HELP = `护航汇总 huhang —— 护航新型工业化网络安全典型案例推荐汇总（命令行）

用法：huhang <命令> [参数] [选项]

命令：
${COMMANDS.map((c) => `  huhang ${c.usage}\n      ${c.summary}`).join("\n")}

运行 huhang <命令> --help 查看该命令的选项和示例。
退出码：0 已写出结果（无论有无问题）；1 没能写出结果；2 用法错误。`;

/** One command's own help: usage, what it does, its options and an example. */
export function commandHelp(c: Command): string {
  return `用法：huhang ${c.usage}\n\n${c.summary}\n\n选项：\n${optionHelp(c.options)}\n\n示例：\n  ${c.example}`;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(HELP);
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (!command) throw new UsageError(`未知命令“${name}”`);
    const args = parseArgs(rest, command.options);
    if (args.options.help) {
      io.out(commandHelp(command));
      return 0;
    }
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(
        `用法错误：${e.message}\n运行 huhang ${command ? `${command.name} ` : ""}--help 查看用法。`
      );
      return 2;
    }
    io.err(`出错，未写出结果：${errorMessage(e)}`);
    return 1;
  }
}

/** The date on the clerk's own calendar (the 日期 of a 推荐汇总表), not UTC's. */
function localToday(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Entry point: started by launch.ts (bin/huhang.js), once V8 is tuned. */
export function main(): void {
  selectNodeCodec();
  run(process.argv.slice(2), {
    out: (t) => process.stdout.write(t + "\n"),
    err: (t) => process.stderr.write(t + "\n"),
    today: () => localToday(new Date()),
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
