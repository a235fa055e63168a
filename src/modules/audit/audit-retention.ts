/** Rows deleted per statement, so a large backlog is worked off without one long lock. */
export const auditPurgeBatchSize = 1000;

/**
 * How far the chain may be purged: through the last of `rows` (the entries after those already
 * purged, in sequence order) that continues the sequence without a gap and was written before the
 * cutoff. Retention cuts the chain only at its start, so verification can check what is left; a gap
 * (a deleted entry) stops it, so that verification still finds and names it.
 */
export function purgeLimit(
  purgedThrough: number,
  rows: ReadonlyArray<{ seq: number; occurredAt: string }>,
  cutoff: Date,
): number {
  const before = cutoff.toISOString();
  let through = purgedThrough;
  for (const row of rows) {
    if (row.seq !== through + 1 || row.occurredAt >= before) break;
    through = row.seq;
  }
  return through;
}
