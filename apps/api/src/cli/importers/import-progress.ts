/** Progress on standard error, one line per step, rewritten in place on a terminal. */
export class ImportProgress {
  private label = '';
  private total = 0;
  private done = 0;
  private lastPrintedAt = 0;

  constructor(private readonly output: NodeJS.WriteStream = process.stderr) {}

  start(label: string, total: number): void {
    this.label = label;
    this.total = total;
    this.done = 0;
    this.print(true);
  }

  advance(count: number): void {
    this.done += count;
    this.print(false);
  }

  finish(): void {
    this.print(true);
    if (this.output.isTTY) {
      this.output.write('\n');
    }
  }

  private print(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastPrintedAt < 500) {
      return;
    }
    this.lastPrintedAt = now;
    const percent = this.total === 0 ? 100 : Math.floor((this.done / this.total) * 100);
    const line = `${this.label}: ${this.done}/${this.total} (${percent}%)`;
    this.output.write(this.output.isTTY ? `\r${line}` : `${line}\n`);
  }
}
