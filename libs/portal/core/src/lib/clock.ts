import { InjectionToken } from '@angular/core';

/** The current time, injectable so tests fix it instead of waiting. */
export const CLOCK = new InjectionToken<{ now(): Date }>('CLOCK', {
  providedIn: 'root',
  factory: () => ({ now: () => new Date() }),
});
