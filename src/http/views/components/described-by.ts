/** The aria-describedby value from the ids that are present, or nothing when none is. */
export function describedBy(...ids: Array<string | undefined>): string | undefined {
  const present = ids.filter((id): id is string => id !== undefined);
  return present.length > 0 ? present.join(' ') : undefined;
}

/** A field's problems as a list, whether it was given one message, several or none. */
export function messagesOf(error: string | string[] | undefined): string[] {
  if (error === undefined) return [];
  return typeof error === 'string' ? [error] : error;
}
