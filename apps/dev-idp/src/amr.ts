/** A factor checked during one sign-in, named like the v2 session API's factors (DESIGN.md §12). */
export type SignInFactor = 'password' | 'totp' | 'otpSms' | 'recoveryCode';

/**
 * The ID token's `amr` for the factors of one sign-in, as Zitadel computes it (internal/api/oidc/amr.go,
 * AuthMethodTypesToAMR): `pwd` for the password; TOTP, SMS and email codes all collapse to one `otp`, appended after the
 * loop; `mfa` when two factors or more were counted. A recovery code is no case of that switch: it adds no value and does
 * not count, so password + recovery code is `["pwd"]`.
 */
export function amrFor(factors: ReadonlySet<SignInFactor>): string[] {
  const amr: string[] = [];
  let counted = 0;
  let otp = 0;
  if (factors.has('password')) {
    amr.push('pwd');
    counted += 1;
  }
  for (const oneTimeCode of ['totp', 'otpSms'] as const) {
    if (factors.has(oneTimeCode)) {
      otp += 1;
      counted += 1;
    }
  }
  if (otp > 0) amr.push('otp');
  if (counted >= 2) amr.push('mfa');
  return amr;
}
