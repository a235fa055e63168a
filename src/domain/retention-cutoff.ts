const dayMs = 24 * 3600 * 1000;

/** The instant before which kept history has expired: `retentionDays` whole days before `now`. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * dayMs);
}
