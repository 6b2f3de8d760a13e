/**
 * A small argument parser: positional arguments, `--flag`, `--key value` and `--key=value`. Unknown options are a
 * usage error (exit 2) rather than being silently ignored.
 */
export class UsageError extends Error {}

export interface ParsedArgs {
  positional: string[];
  options: Record<string, string | true>;
}

export function parseArgs(argv: string[], spec: { flags: string[]; values: string[] }): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith("--")) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const key = a.slice(2, eq > 0 ? eq : undefined);
    if (spec.flags.includes(key)) {
      if (eq > 0) throw new UsageError(`选项 --${key} 不带参数值`);
      options[key] = true;
    } else if (spec.values.includes(key)) {
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined || value === "") throw new UsageError(`选项 --${key} 需要一个值`);
      options[key] = value;
    } else {
      throw new UsageError(`未知选项 ${a}`);
    }
  }
  return { positional, options };
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
