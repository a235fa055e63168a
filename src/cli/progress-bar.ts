/**
 * A progress bar on stderr for long operator commands. On a terminal it redraws one line; otherwise
 * (a log file, a test) it writes a line at every tenth of the way, so the output stays short.
 */
export interface ProgressBar {
  update(done: number, total: number): void;
  /** Ends the bar's line. */
  end(): void;
}

const width = 30;

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  let lastTenth = -1;
  let drawn = false;
  let lastDrawAt = 0;
  return {
    update(done, total) {
      const share = total <= 0 ? 1 : Math.min(1, done / total);
      const text = `${label} ${Math.floor(share * 100)}% (${done}/${total})`;
      if (stream.isTTY) {
        const now = Date.now();
        if (share < 1 && now - lastDrawAt < 100) return;
        lastDrawAt = now;
        const filled = Math.round(share * width);
        stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${text}`);
        drawn = true;
        return;
      }
      const tenth = Math.floor(share * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      stream.write(`asiointitili: ${text}\n`);
    },
    end() {
      if (drawn) stream.write('\n');
    },
  };
}
