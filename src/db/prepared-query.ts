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
  let template: Template<R> | undefined;
  return async (...args: A) => {
    template ??= compileTemplate(arity, build);
    return db.executeQuery<R>(bind(template, arity, args));
  };
}

/**
 * preparedQuery for a statement run on whatever the caller holds, usually its transaction: built
 * and compiled once per database (the template is kept by the database's dialect adapter, which its
 * transactions share), and run on the `db` given to each call. `build` gets a database to build on
 * and stand-ins for the arguments, under the same rules as preparedQuery's.
 */
export function preparedStatement<A extends unknown[], R>(
  arity: A['length'],
  build: (db: Kysely<DatabaseSchema>, ...args: A) => Compilable<R>,
): (db: Kysely<DatabaseSchema>, ...args: A) => Promise<QueryResult<R>> {
  const templates = new WeakMap<object, Template<R>>();
  return async (db, ...args) => {
    const adapter = db.getExecutor().adapter;
    let template = templates.get(adapter);
    if (!template) {
      template = compileTemplate(arity, (...placeholders: A) => build(db, ...placeholders));
      templates.set(adapter, template);
    }
    return db.executeQuery<R>(bind(template, arity, args));
  };
}

interface Template<R> {
  compiled: CompiledQuery<R>;
  /** For each parameter of the compiled query: the argument it stands for, or undefined (a constant). */
  slots: Array<number | undefined>;
}

function compileTemplate<A extends unknown[], R>(
  arity: number,
  build: (...args: A) => Compilable<R>,
): Template<R> {
  const placeholders = Array.from({ length: arity }, (_, index) => new Placeholder(index));
  const compiled = build(...(placeholders as unknown as A)).compile();
  const slots = compiled.parameters.map((value) => (value instanceof Placeholder ? value.index : undefined));
  for (const placeholder of placeholders) {
    if (slots.filter((slot) => slot === placeholder.index).length !== 1) {
      throw new Error(`preparedQuery: argument ${placeholder.index} is not exactly one parameter`);
    }
  }
  return { compiled, slots };
}

function bind<R>(template: Template<R>, arity: number, args: readonly unknown[]): CompiledQuery<R> {
  if (args.length !== arity) throw new Error(`preparedQuery: expected ${arity} arguments`);
  const { compiled, slots } = template;
  const parameters = compiled.parameters.map((value, position) => {
    const slot = slots[position];
    return slot === undefined ? value : args[slot];
  });
  return { ...compiled, parameters };
}

/**
 * Statements whose shape depends on a small key (the number of rows of a multi-row insert, the
 * columns given), each compiled on first use of its key and kept: the callers use a handful.
 */
export function preparedStatementsBy<K, S>(compile: (key: K) => S): (key: K) => S {
  const statements = new Map<K, S>();
  return (key) => {
    let statement = statements.get(key);
    if (statement === undefined) {
      statement = compile(key);
      statements.set(key, statement);
    }
    return statement;
  };
}
