/** An ISO time as a `datetime-local` input shows it: the browser's local time, to the minute. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return '';
  const two = (value: number) => String(value).padStart(2, '0');
  return (
    `${time.getFullYear()}-${two(time.getMonth() + 1)}-${two(time.getDate())}` +
    `T${two(time.getHours())}:${two(time.getMinutes())}`
  );
}

/** A `datetime-local` input's value (local time) as an ISO time; null when blank or not a time. */
export function fromLocalInput(value: string): string | null {
  if (!value.trim()) return null;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}
