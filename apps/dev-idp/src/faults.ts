import type { SmsFactorFault, SmsProviderState } from './config.ts';

/**
 * The defects the next ID token can be minted with, one per relying-party check of DESIGN.md §2.1. Each changes exactly
 * one thing; everything else about the token stays valid.
 */
export const ID_TOKEN_FAULTS = [
  'wrong_iss',
  'wrong_aud',
  'extra_aud',
  'aud_without_azp',
  'wrong_azp',
  'expired',
  'stale_iat',
  'missing_sub',
  'missing_nonce',
  'wrong_nonce',
  'alg_none',
  'hs256_client_secret',
  'bad_signature',
  'unknown_kid',
  'stale_auth_time',
] as const;

export type IdTokenFault = (typeof ID_TOKEN_FAULTS)[number];

export function isIdTokenFault(value: unknown): value is IdTokenFault {
  return typeof value === 'string' && (ID_TOKEN_FAULTS as readonly string[]).includes(value);
}

/** The REST API's failure modes (`POST /dev/faults {"restApi": …}`). */
export const REST_API_FAULTS = ['none', 'unavailable', 'slow'] as const;

export type RestApiFault = (typeof REST_API_FAULTS)[number];

export function isRestApiFault(value: unknown): value is RestApiFault {
  return typeof value === 'string' && (REST_API_FAULTS as readonly string[]).includes(value);
}

/** How long a REST call waits while the API is `slow`: longer than the backend's 3-second timeout on each call. */
export const SLOW_REST_API_MS = 5_000;

/** Why a text message was not sent: the instance has no active SMS provider, or the provider failed to deliver. */
export type SmsSendFailure = 'provider_inactive' | 'no_provider' | Exclude<SmsFactorFault, 'none'>;

/** Instance settings and failures the test controls switch; as configured, or as posted to /dev/faults. */
export class Faults {
  /** The instance's SMS provider (Zitadel's admin API lists it): only an active one sends anything. */
  smsProvider: SmsProviderState;
  /** Anything but `none`: the provider fails every text message sent (config.ts lists the modes). */
  smsFactor: SmsFactorFault;
  /**
   * `unavailable`: every `/v2/` REST call answers 503 UNAVAILABLE (14), as a Zitadel outage would; `slow`: every REST
   * call answers only after {@link SLOW_REST_API_MS}, as an overloaded Zitadel would; OIDC keeps working either way.
   */
  restApi: RestApiFault = 'none';
  nextIdTokenFault: IdTokenFault | undefined = undefined;
  private readonly initialSmsFactor: SmsFactorFault;
  private readonly initialSmsProvider: SmsProviderState;

  constructor(smsProvider: SmsProviderState, smsFactor: SmsFactorFault) {
    this.smsProvider = smsProvider;
    this.initialSmsProvider = smsProvider;
    this.smsFactor = smsFactor;
    this.initialSmsFactor = smsFactor;
  }

  /**
   * Why a text message sent now would not arrive, or undefined when it would. Zitadel sends texts from its notification
   * worker after the command has succeeded, so only the sending (the sign-in SMS step, a verification code) notices.
   */
  smsSendFailure(): SmsSendFailure | undefined {
    if (this.smsProvider === 'none') return 'no_provider';
    if (this.smsProvider === 'inactive') return 'provider_inactive';
    return this.smsFactor === 'none' ? undefined : this.smsFactor;
  }

  /** Takes the armed ID-token fault, so it applies to one token only. */
  takeIdTokenFault(): IdTokenFault | undefined {
    const fault = this.nextIdTokenFault;
    this.nextIdTokenFault = undefined;
    return fault;
  }

  reset(): void {
    this.smsProvider = this.initialSmsProvider;
    this.smsFactor = this.initialSmsFactor;
    this.restApi = 'none';
    this.nextIdTokenFault = undefined;
  }
}
