// Compile-time assertions for the type fixtures; nothing here runs.

/** True only for `any`, which is the one type that `1 & T` does not narrow. */
export type IsAny<T> = 0 extends 1 & T ? true : false;

/** True when A and B are the same type (not merely assignable either way). */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;

/** Fails to compile when `value` is typed `any`: an `any` cannot be passed where `never` is expected. */
export function notAny<T>(value: T & (IsAny<T> extends true ? never : unknown)): T {
  return value;
}

/** Fails to compile unless the argument's type is exactly T: `exactly<string>()(x)`. */
export function exactly<T>() {
  return <U>(value: U & (Equal<T, U> extends true ? unknown : never)): U => value;
}
