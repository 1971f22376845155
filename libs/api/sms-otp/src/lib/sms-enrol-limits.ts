import type { Request } from 'express';
import type { RateLimitBucket } from '@aidial/api/core';

/**
 * spec/05's buckets, all checked as one atomic step (docs/rate-limits.md "refused means counted nowhere"): per phone
 * and per user 3 a minute and 10 a day, per source IP 30 an hour (only behind a trusted proxy), 100 a minute for the
 * whole deployment. The limiter stores each key only as an HMAC-SHA-256 under a server secret.
 */
export const SMS_ENROL_LIMITS = {
  phoneMinute: { name: 'sms.enrol.phone.minute', limit: 3, windowSeconds: 60 },
  phoneDay: { name: 'sms.enrol.phone.day', limit: 10, windowSeconds: 86_400 },
  userMinute: { name: 'sms.enrol.user.minute', limit: 3, windowSeconds: 60 },
  userDay: { name: 'sms.enrol.user.day', limit: 10, windowSeconds: 86_400 },
  ipHour: { name: 'sms.enrol.ip.hour', limit: 30, windowSeconds: 3_600 },
  globalMinute: { name: 'sms.enrol.global.minute', limit: 100, windowSeconds: 60 },
} as const;

/** The one key of the global bucket. */
const EVERYONE = 'all';

export function smsEnrolBuckets(e164: string, userId: string, clientIp: string | null): RateLimitBucket[] {
  const L = SMS_ENROL_LIMITS;
  return [
    { ...L.phoneMinute, key: e164 },
    { ...L.phoneDay, key: e164 },
    { ...L.userMinute, key: userId },
    { ...L.userDay, key: userId },
    ...(clientIp ? [{ ...L.ipHour, key: clientIp }] : []),
    { ...L.globalMinute, key: EVERYONE },
  ];
}

type TrustFunction = (address: string, hop: number) => boolean;

/**
 * The client's address as a trusted proxy reported it, or null when the request did not come through one: the peer
 * must be in TRUSTED_PROXIES (Express's compiled `trust proxy`, configure-http.ts) and must have sent
 * `X-Forwarded-For`. A forwarded header from anyone else is ignored, so it cannot be used to spread one client's
 * requests over many invented addresses, nor to spend someone else's.
 */
export function trustedClientIp(request: Request): string | null {
  const trust = request.app.get('trust proxy fn') as TrustFunction | undefined;
  const peer = request.socket.remoteAddress;
  if (!trust || !peer || !trust(peer, 0)) return null;
  if (!request.headers['x-forwarded-for']) return null;
  const ip = request.ip;
  return ip && ip !== peer ? ip : null;
}
