/** The headers of an answer, as the generated client hands them over. */
interface HeadersLike {
  get(name: string): string | null;
}

/** The whole seconds an answer's `Retry-After` asks for, or null when it is missing or not a positive number. */
export function retryAfterSeconds(headers: HeadersLike | null | undefined): number | null {
  const value = Number(headers?.get('Retry-After') ?? Number.NaN);
  return Number.isFinite(value) && value > 0 ? Math.ceil(value) : null;
}

/** "in 42 seconds", "in 10 minutes", "in 5 hours" (a per-day limit can ask for a long wait); "in a minute" unknown. */
export function tryAgainIn(seconds: number | null): string {
  const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;
  if (seconds === null) return 'in a minute';
  if (seconds < 60) return `in ${plural(seconds, 'second')}`;
  if (seconds < 2 * 3600) return `in ${plural(Math.ceil(seconds / 60), 'minute')}`;
  return `in ${plural(Math.ceil(seconds / 3600), 'hour')}`;
}
