/** Injection token for this app's CSRF protection (see csrf.ts). */
export const CSRF = Symbol('CSRF');
