/**
 * The type of a translation: the same keys as the Finnish source `T`, nested alike, each with a
 * string of its own. The en and sv files declare their strings with it, so a key missing from or
 * added to a translation is a type error.
 */
export type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
