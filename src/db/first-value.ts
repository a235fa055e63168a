/**
 * The value of the one column a query selects, from its first row; undefined when there is no row.
 * For the lookups of a single value (an id, a hash, a date), so that the column is named once, in
 * the query. A query of more columns is a mistake, and fails at once rather than picking one.
 */
export async function firstValue<V>(query: {
  executeTakeFirst(): Promise<Record<string, V> | undefined>;
}): Promise<V | undefined> {
  const row = await query.executeTakeFirst();
  if (row === undefined) return undefined;
  const values = Object.values(row);
  if (values.length !== 1) throw new Error(`firstValue takes a query of one column, not ${values.length}`);
  return values[0];
}
