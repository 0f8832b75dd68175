/*
 * The few assertions the web suite needs. Node's `assert` does not exist in the browser's web
 * worker extension host, and a browser port of it would be another dependency for five functions.
 */

export class AssertionError extends Error {
  override readonly name = 'AssertionError';
}

const show = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

export function ok(value: unknown, message?: string): asserts value {
  if (!value) throw new AssertionError(message ?? `expected a truthy value, got ${show(value)}`);
}

export function equal<T>(actual: T, expected: T, message?: string): void {
  if (actual !== expected) throw new AssertionError(`${message ? `${message}: ` : ''}expected ${show(expected)}, got ${show(actual)}`);
}

/** Equality of JSON-like values (arrays, plain objects, primitives), compared through their JSON. */
export function deepEqual(actual: unknown, expected: unknown, message?: string): void {
  if (show(actual) !== show(expected)) throw new AssertionError(`${message ? `${message}: ` : ''}expected ${show(expected)}, got ${show(actual)}`);
}

export function match(text: string, pattern: RegExp, message?: string): void {
  if (!pattern.test(text)) throw new AssertionError(`${message ? `${message}: ` : ''}expected ${show(text)} to match ${pattern}`);
}
