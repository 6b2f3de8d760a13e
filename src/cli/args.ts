/**
 * Command-line arguments with node:util parseArgs, strict: an unknown option, a missing value, or a value that looks
 * like another option (`--out --json`) is a usage error (exit 2) in Chinese, never a file named "--json".
 */
import { parseArgs as parseNodeArgs } from "node:util";

export class UsageError extends Error {}

/** The options a command takes: a flag, or an option with a value; each with its Chinese help line. */
export interface OptionSpec {
  type: "boolean" | "string";
  /** Shown after the option in the help: "<文件.xlsx>". */
  value?: string;
  help: string;
}
export type OptionSpecs = Record<string, OptionSpec>;

export interface ParsedArgs {
  positional: string[];
  options: Record<string, string | boolean | undefined>;
}

/** The Node error code of a parse failure, translated. */
function usageMessage(e: unknown, specs: OptionSpecs): string {
  const err = e as { code?: string; message?: string };
  const text = err.message ?? String(e);
  const option = /'(--?[^' <]+)/.exec(text)?.[1] ?? "";
  switch (err.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `未知选项 ${option}`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE": {
      const name = option.replace(/^-+/, "");
      const spec = specs[name];
      if (spec?.type === "boolean") return `选项 ${option} 不带参数值`;
      if (/ambiguous/.test(text))
        return `选项 ${option} 缺少参数值（后面紧跟的是另一个选项）：请写成 ${option} ${spec?.value ?? "<值>"}`;
      return `选项 ${option} 需要一个值${spec?.value ? `：${option} ${spec.value}` : ""}`;
    }
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `多余的参数：${text}`;
    default:
      return text;
  }
}

export function parseArgs(argv: string[], specs: OptionSpecs): ParsedArgs {
  const options = Object.fromEntries(
    Object.entries(specs).map(([name, s]) => [name, { type: s.type }] as const)
  );
  try {
    const { values, positionals } = parseNodeArgs({
      args: argv,
      options,
      allowPositionals: true,
      strict: true,
    });
    for (const [name, v] of Object.entries(values)) {
      if (typeof v === "string" && v.trim() === "")
        throw new UsageError(`选项 --${name} 需要一个值`);
    }
    return { positional: positionals, options: values as ParsedArgs["options"] };
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(usageMessage(e, specs));
  }
}

export function stringOption(args: ParsedArgs, key: string): string | undefined {
  const v = args.options[key];
  return typeof v === "string" ? v : undefined;
}

export function intOption(
  args: ParsedArgs,
  key: string,
  min: number,
  max: number
): number | undefined {
  const v = stringOption(args, key);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max)
    throw new UsageError(`选项 --${key} 应为 ${min} 到 ${max} 之间的整数，收到“${v}”`);
  return Number(v);
}

/** Columns a terminal gives a text: Chinese characters take two. */
function displayWidth(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return n;
}

/** The help lines of a command's options, aligned. */
export function optionHelp(specs: OptionSpecs): string {
  const heads = Object.entries(specs).map(
    ([name, s]) => `--${name}${s.value ? ` ${s.value}` : ""}`
  );
  const width = Math.max(...heads.map(displayWidth)) + 2;
  return Object.values(specs)
    .map((s, i) => `  ${heads[i]}${" ".repeat(width - displayWidth(heads[i]))}${s.help}`)
    .join("\n");
}
