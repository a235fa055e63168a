/** Progress goes to stderr so that stdout stays machine-readable (JSON from credentials etc.). */
export function progress(message: string): void {
  process.stderr.write(`asiointitili: ${message}\n`);
}

export interface ProgressBar {
  /** `done` of the total so far. */
  update(done: number): void;
  /** Ends the bar's line. */
  finish(): void;
}

/**
 * A progress bar on stderr for long work counted in units. On a terminal it is redrawn in place; in
 * a log or pipe each whole percent gets a line of its own (`label: 40/100 (40 %)`), so what a
 * supervisor or a test reads shows progress without a flood of lines.
 */
export function progressBar(
  label: string,
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
): ProgressBar {
  const width = 30;
  let shownPercent = -1;
  const percentOf = (done: number) => (total === 0 ? 100 : Math.floor((Math.min(done, total) * 100) / total));
  return {
    update(done) {
      const percent = percentOf(done);
      if (stream.isTTY) {
        const filled = Math.round((percent * width) / 100);
        stream.write(
          `\rasiointitili: ${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`,
        );
        return;
      }
      if (percent === shownPercent) return;
      shownPercent = percent;
      stream.write(`asiointitili: ${label}: ${done}/${total} (${percent} %)\n`);
    },
    finish() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}
