import type { SmsFactorFault } from './config.ts';

/**
 * The defects the next ID token can be minted with, one per relying-party check of DESIGN.md §2.1. Each changes exactly
 * one thing; everything else about the token stays valid.
 */
export const ID_TOKEN_FAULTS = [
  'wrong_iss',
  'wrong_aud',
  'extra_aud',
  'expired',
  'stale_iat',
  'missing_sub',
  'missing_nonce',
  'wrong_nonce',
  'alg_none',
  'hs256_client_secret',
  'bad_signature',
  'unknown_kid',
] as const;

export type IdTokenFault = (typeof ID_TOKEN_FAULTS)[number];

export function isIdTokenFault(value: unknown): value is IdTokenFault {
  return typeof value === 'string' && (ID_TOKEN_FAULTS as readonly string[]).includes(value);
}

/** Failures the test controls switch on; all off unless configured or posted to /dev/faults. */
export class Faults {
  /**
   * Anything but `none`: no text message is sent, by the v2 REST endpoints or the pages (config.ts lists the modes).
   */
  smsFactor: SmsFactorFault;
  /**
   * `unavailable`: every `/v2/` REST call answers 503 UNAVAILABLE (14), as a Zitadel outage would; OIDC keeps working.
   */
  restApi: 'none' | 'unavailable' = 'none';
  nextIdTokenFault: IdTokenFault | undefined = undefined;
  private readonly initialSmsFactor: SmsFactorFault;

  constructor(smsFactor: SmsFactorFault) {
    this.smsFactor = smsFactor;
    this.initialSmsFactor = smsFactor;
  }

  /** Whether a text message can be sent now; callers ask before they change any state. */
  canSendSms(): boolean {
    return this.smsFactor === 'none';
  }

  /** Takes the armed ID-token fault, so it applies to one token only. */
  takeIdTokenFault(): IdTokenFault | undefined {
    const fault = this.nextIdTokenFault;
    this.nextIdTokenFault = undefined;
    return fault;
  }

  reset(): void {
    this.smsFactor = this.initialSmsFactor;
    this.restApi = 'none';
    this.nextIdTokenFault = undefined;
  }
}
