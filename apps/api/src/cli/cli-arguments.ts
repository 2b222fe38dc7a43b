/** Splits `command pos1 --flag value --switch` into its parts; `--a=b` works too. */
export function parseCliArguments(argv: string[]): {
  command: string | undefined;
  positional: string[];
  options: Record<string, string | undefined>;
} {
  const positional: string[] = [];
  const options: Record<string, string | undefined> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (inline !== undefined) {
      options[name] = inline;
    } else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
      options[name] = argv[++i];
    } else {
      options[name] = 'true';
    }
  }
  return { command: positional.shift(), positional, options };
}
