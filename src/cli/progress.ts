/** Progress goes to stderr so that stdout stays machine-readable (JSON from credentials etc.). */
export function progress(message: string): void {
  process.stderr.write(`asiointitili: ${message}\n`);
}
