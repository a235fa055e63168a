import type { CompiledQuery, Compilable, Kysely, QueryResult } from 'kysely';
import type { DatabaseSchema } from './schema.js';

/** Stands in for an argument while the query is built; its identity finds the argument's slot. */
class Placeholder {
  constructor(readonly index: number) {}
}

/**
 * A Kysely query built and compiled once, then run with new argument values: building and compiling
 * a query costs more than running it on SQLite, and the hottest queries (the session check, a
 * folder page) always have the same shape.
 *
 * `build` receives stand-ins for its arguments and must only pass them to Kysely as values
 * (`where(col, '=', arg)`, `limit(arg)`), never compute with them or branch on them; each stand-in
 * becomes a bound parameter, replaced by the real value on every run. The SQL text and the order of
 * its parameters come from Kysely itself, so both dialects work unchanged. A stand-in that Kysely
 * did not turn into exactly one parameter fails loudly at the first use.
 */
export function preparedQuery<A extends unknown[], R>(
  db: Pick<Kysely<DatabaseSchema>, 'executeQuery'>,
  arity: A['length'],
  build: (...args: A) => Compilable<R>,
): (...args: A) => Promise<QueryResult<R>> {
  let template: { compiled: CompiledQuery<R>; slots: Array<number | undefined> } | undefined;
  return async (...args: A) => {
    if (!template) {
      const placeholders = Array.from({ length: arity }, (_, index) => new Placeholder(index));
      const compiled = build(...(placeholders as unknown as A)).compile();
      const slots = compiled.parameters.map((value) =>
        value instanceof Placeholder ? value.index : undefined,
      );
      for (const placeholder of placeholders) {
        if (slots.filter((slot) => slot === placeholder.index).length !== 1) {
          throw new Error(`preparedQuery: argument ${placeholder.index} is not exactly one parameter`);
        }
      }
      template = { compiled, slots };
    }
    if (args.length !== arity) throw new Error(`preparedQuery: expected ${arity} arguments`);
    const { compiled, slots } = template;
    const parameters = compiled.parameters.map((value, position) => {
      const slot = slots[position];
      return slot === undefined ? value : args[slot];
    });
    return db.executeQuery<R>({ ...compiled, parameters });
  };
}
