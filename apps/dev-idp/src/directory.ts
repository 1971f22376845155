import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import { type Seed, type SeedUser, organizationTenantOf } from './seed.ts';

/** Milliseconds since the epoch; injectable so the rules read without sleeps. */
export type Clock = () => number;

export interface Organization {
  readonly id: string;
  readonly name: string;
  readonly domain: string;
}

/** One human user as the identity provider holds it: profile, credentials, factors and lockout state. In memory only. */
export interface UserAccount {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly givenName: string;
  readonly familyName: string;
  /** The portal role the identity provider grants; null for a person with no grant yet. */
  readonly role: string | null;
  readonly organization: Organization;
  readonly createdAt: Date;
  password: string;
  failedPasswords: number;
  /** Failed TOTP, SMS and recovery codes in a row: Zitadel's lockout policy counts them as OTP attempts. */
  failedOtps: number;
  /** Zitadel's user state LOCKED: set by the lockout policy, cleared only by an unlock (or a reset). */
  locked: boolean;
  totp: { secret: string; addedAt: Date } | undefined;
  phone: { number: string; verified: boolean; verification: OneTimeCode | undefined } | undefined;
  otpSms: { addedAt: Date } | undefined;
  /** SHA-256 of each unused recovery code: a code is shown once, then only its hash is kept. */
  recoveryCodeHashes: Set<string>;
  /** Zitadel's change sequence and date of the user aggregate, reported in every `details`. */
  sequence: number;
  changedAt: Date;
}

export interface OneTimeCode {
  readonly code: string;
  readonly expiresAt: number;
}

export type CredentialCheck =
  | { readonly outcome: 'verified' }
  | { readonly outcome: 'wrong'; readonly failedAttempts: number; readonly maxAttempts: number }
  | { readonly outcome: 'locked' };

export const TOTP_ISSUER = 'AiDial (development)';
const RECOVERY_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Zitadel's `Multifactors.RecoveryCodes.MaxCount` as its command tests use it: unused codes a user may hold. */
export const RECOVERY_CODE_MAX = 10;

export interface DirectoryOptions {
  readonly lockout: { readonly maxFailedPasswords: number; readonly maxFailedOtps: number };
}

/** The user store, loaded from the demo seed at start (and again on reset). */
export class Directory {
  private readonly byId = new Map<string, UserAccount>();
  private readonly byEmail = new Map<string, UserAccount>();
  private readonly seed: Seed;
  private readonly options: DirectoryOptions;
  private readonly clock: Clock;

  constructor(seed: Seed, options: DirectoryOptions, clock: Clock) {
    this.seed = seed;
    this.options = options;
    this.clock = clock;
    this.reset();
  }

  /** Back to the seed: factors, phones, recovery codes and lockouts as the seed file says. */
  reset(): void {
    this.byId.clear();
    this.byEmail.clear();
    for (const user of this.seed.users) {
      const tenant = organizationTenantOf(this.seed, user);
      if (!tenant) throw new Error(`seed: ${user.email} has unknown tenant ${user.tenant ?? '(none)'}`);
      const organization = { id: tenant.idpOrganization.id, name: tenant.name, domain: tenant.idpOrganization.domain };
      const account = this.accountFromSeed(user, organization);
      this.byId.set(account.id, account);
      this.byEmail.set(account.email.toLowerCase(), account);
    }
  }

  all(): UserAccount[] {
    return [...this.byId.values()];
  }

  findById(id: string): UserAccount | undefined {
    return this.byId.get(id);
  }

  findByLoginName(loginName: string): UserAccount | undefined {
    return this.byEmail.get(loginName.trim().toLowerCase());
  }

  /**
   * Zitadel's password check (internal/command/user_human_password.go): a locked user is refused; the lockout policy's
   * `maxPasswordAttempts` failures in a row lock the user until an administrator unlocks them.
   */
  checkPassword(user: UserAccount, password: string): CredentialCheck {
    if (user.locked) return { outcome: 'locked' };
    if (equalSecrets(password, user.password)) {
      user.failedPasswords = 0;
      return { outcome: 'verified' };
    }
    user.failedPasswords += 1;
    const { maxFailedPasswords } = this.options.lockout;
    if (user.failedPasswords >= maxFailedPasswords) return this.lock(user);
    return { outcome: 'wrong', failedAttempts: user.failedPasswords, maxAttempts: maxFailedPasswords };
  }

  /**
   * Zitadel's OTP checks (internal/command/user_human_otp.go checkOTP and the TOTP and recovery-code checks): a locked
   * user is refused (`COMMAND-S6h4R`); `maxOTPAttempts` wrong codes in a row, of any kind, lock the user.
   */
  checkOneTimeCode(user: UserAccount, accepted: () => boolean): CredentialCheck {
    if (user.locked) return { outcome: 'locked' };
    if (accepted()) {
      user.failedOtps = 0;
      return { outcome: 'verified' };
    }
    user.failedOtps += 1;
    const { maxFailedOtps } = this.options.lockout;
    if (user.failedOtps >= maxFailedOtps) return this.lock(user);
    return { outcome: 'wrong', failedAttempts: user.failedOtps, maxAttempts: maxFailedOtps };
  }

  /** Zitadel's UnlockUserV2: the user is active again and the failure counts start over. */
  unlock(user: UserAccount): void {
    user.locked = false;
    user.failedPasswords = 0;
    user.failedOtps = 0;
    this.touch(user);
  }

  verifyTotp(secret: string, code: string): boolean {
    const token = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(token)) return false;
    return totpFor(secret).validate({ token, timestamp: this.clock(), window: 1 }) !== null;
  }

  /** A recovery code works once: a match is removed from the set. */
  redeemRecoveryCode(user: UserAccount, code: string): boolean {
    const hash = recoveryCodeHash(code);
    if (!user.recoveryCodeHashes.has(hash)) return false;
    user.recoveryCodeHashes.delete(hash);
    this.touch(user);
    return true;
  }

  /**
   * Adds `count` new codes to the user's unused ones, as Zitadel's GenerateRecoveryCodes does (the caller checks the
   * maximum first), and returns the plain codes, which are never shown again.
   */
  addRecoveryCodes(user: UserAccount, count: number): string[] {
    const codes = Array.from({ length: count }, newRecoveryCode);
    for (const code of codes) user.recoveryCodeHashes.add(recoveryCodeHash(code));
    this.touch(user);
    return codes;
  }

  addTotp(user: UserAccount, secret: string): void {
    user.totp = { secret, addedAt: new Date(this.clock()) };
    this.touch(user);
  }

  removeTotp(user: UserAccount): void {
    user.totp = undefined;
    this.touch(user);
  }

  /** Sets the phone; unverified unless said so, with a fresh verification code (Zitadel's SetPhone). */
  setPhone(user: UserAccount, number: string, verified: boolean, codeTtlSeconds: number): OneTimeCode | undefined {
    const verification = verified ? undefined : newOneTimeCode(this.clock(), codeTtlSeconds);
    // Like Zitadel, a changed number is unverified again but an SMS factor already added stays added.
    user.phone = { number, verified, verification };
    this.touch(user);
    return verification;
  }

  verifyPhone(user: UserAccount, code: string): boolean {
    const verification = user.phone?.verification;
    if (!user.phone || !verification || verification.expiresAt <= this.clock()) return false;
    if (!equalSecrets(code.trim(), verification.code)) return false;
    user.phone = { number: user.phone.number, verified: true, verification: undefined };
    this.touch(user);
    return true;
  }

  /** Zitadel's RemovePhone: the phone goes, and with it the SMS factor (user_auth_method projection). */
  removePhone(user: UserAccount): void {
    user.phone = undefined;
    user.otpSms = undefined;
    this.touch(user);
  }

  addOtpSms(user: UserAccount): void {
    user.otpSms = { addedAt: new Date(this.clock()) };
    this.touch(user);
  }

  removeOtpSms(user: UserAccount): void {
    user.otpSms = undefined;
    this.touch(user);
  }

  private lock(user: UserAccount): CredentialCheck {
    user.locked = true;
    this.touch(user);
    return { outcome: 'locked' };
  }

  touch(user: UserAccount): void {
    user.sequence += 1;
    user.changedAt = new Date(this.clock());
  }

  private accountFromSeed(user: SeedUser, organization: Organization): UserAccount {
    const createdAt = new Date(this.clock());
    const { totp, sms, recoveryCodes } = user.mfa;
    return {
      id: user.sub,
      email: user.email,
      displayName: user.displayName,
      givenName: user.givenName,
      familyName: user.familyName,
      role: user.role,
      organization,
      createdAt,
      password: user.password,
      failedPasswords: 0,
      failedOtps: 0,
      locked: false,
      totp: totp ? { secret: totp.secret, addedAt: createdAt } : undefined,
      phone: sms ? { number: sms.phone, verified: true, verification: undefined } : undefined,
      otpSms: sms ? { addedAt: createdAt } : undefined,
      recoveryCodeHashes: new Set((recoveryCodes ?? []).map(recoveryCodeHash)),
      sequence: 1,
      changedAt: createdAt,
    };
  }
}

export function totpFor(secret: string, label?: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: TOTP_ISSUER,
    label: label ?? 'user',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

export function newOneTimeCode(now: number, ttlSeconds: number): OneTimeCode {
  return { code: String(randomInt(0, 1_000_000)).padStart(6, '0'), expiresAt: now + ttlSeconds * 1000 };
}

/** E.164 after dropping spaces, dashes and brackets; undefined when it is not a phone number. */
export function normalisePhone(input: string): string | undefined {
  const compact = input.replace(/[\s\-().]/g, '');
  return /^\+[1-9]\d{6,14}$/.test(compact) ? compact : undefined;
}

/** `+61 ... 678`: enough for a person to recognise the number, as the portal shows it. */
export function maskPhone(number: string): string {
  return `${number.slice(0, 3)} ... ${number.slice(-3)}`;
}

function newRecoveryCode(): string {
  const pick = () => RECOVERY_CODE_ALPHABET[randomInt(RECOVERY_CODE_ALPHABET.length)];
  const half = () => Array.from({ length: 5 }, pick).join('');
  return `${half()}-${half()}`;
}

function recoveryCodeHash(code: string): string {
  const canonical = code.toUpperCase().replace(/[\s-]/g, '');
  return createHash('sha256').update(canonical).digest('hex');
}

export function equalSecrets(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
