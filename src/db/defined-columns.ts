/**
 * The columns whose value is given (not undefined), for an update that changes only what the caller
 * named: `{ name_fi: undefined, name_sv: null }` sets name_sv alone (to null).
 */
export function definedColumns<T extends Record<string, unknown>>(
  columns: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(columns).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
