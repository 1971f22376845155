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
  lockedUntil: number | undefined;
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

export type PasswordCheck =
  | { readonly outcome: 'verified' }
  | { readonly outcome: 'wrong'; readonly attemptsLeft: number }
  | { readonly outcome: 'locked'; readonly until: number };

export const TOTP_ISSUER = 'AiDial (development)';
const RECOVERY_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const RECOVERY_CODE_COUNT = 10;

export interface DirectoryOptions {
  readonly lockout: { readonly maxFailedPasswords: number; readonly seconds: number };
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

  lockedUntil(user: UserAccount): number | undefined {
    return user.lockedUntil !== undefined && user.lockedUntil > this.clock() ? user.lockedUntil : undefined;
  }

  /** Counts failed passwords; the configured number in a row locks the user for the configured time. */
  checkPassword(user: UserAccount, password: string): PasswordCheck {
    const lockedUntil = this.lockedUntil(user);
    if (lockedUntil !== undefined) return { outcome: 'locked', until: lockedUntil };
    if (equalSecrets(password, user.password)) {
      user.failedPasswords = 0;
      user.lockedUntil = undefined;
      return { outcome: 'verified' };
    }
    user.failedPasswords += 1;
    const { maxFailedPasswords, seconds } = this.options.lockout;
    if (user.failedPasswords >= maxFailedPasswords) {
      user.failedPasswords = 0;
      user.lockedUntil = this.clock() + seconds * 1000;
      return { outcome: 'locked', until: user.lockedUntil };
    }
    return { outcome: 'wrong', attemptsLeft: maxFailedPasswords - user.failedPasswords };
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

  /** Replaces every recovery code with a new set and returns the plain codes, which are never shown again. */
  regenerateRecoveryCodes(user: UserAccount, count = RECOVERY_CODE_COUNT): string[] {
    const codes = Array.from({ length: count }, newRecoveryCode);
    user.recoveryCodeHashes = new Set(codes.map(recoveryCodeHash));
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

  addOtpSms(user: UserAccount): void {
    user.otpSms = { addedAt: new Date(this.clock()) };
    this.touch(user);
  }

  removeOtpSms(user: UserAccount): void {
    user.otpSms = undefined;
    this.touch(user);
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
      lockedUntil: undefined,
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
