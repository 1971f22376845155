/**
 * Reads until `done` holds or `timeoutMs` passes, then returns the last reading for the test to assert on. For what the
 * API does off a request's path (rejected-use audit events): a fixed sleep is too short on a busy machine and too long
 * on a quiet one.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() >= deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
