/** One line for an operator: the message of a known error, never a stack trace. */
export function failureLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]?.trim() || 'unknown error';
}
