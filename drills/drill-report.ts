/** What a drill checked: each check PASS or FAIL with its counts, notes for the figures around them. */
export class DrillReport {
  private readonly lines: string[] = [];
  private failed = 0;

  constructor(readonly name: string) {}

  check(what: string, ok: boolean, offenders: unknown[] = []): void {
    if (!ok) this.failed++;
    const sample = ok ? '' : ` — ${offenders.length} wrong, e.g. ${JSON.stringify(offenders.slice(0, 5))}`;
    this.lines.push(`  ${ok ? 'PASS' : 'FAIL'} ${what}${sample}`);
  }

  note(text: string): void {
    this.lines.push(`  note ${text}`);
  }

  get passed(): boolean {
    return this.failed === 0;
  }

  toString(): string {
    return [`${this.passed ? 'PASS' : 'FAIL'} ${this.name}`, ...this.lines].join('\n');
  }
}
