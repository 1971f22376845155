import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { type RateLimitBucket, RateLimitKeys } from '@aidial/api/core';
import { SMS_ENROL_LIMITS } from '@aidial/api/sms-otp';
import { cloneTestDatabase, freePort, testApiEnv, clearRateLimits } from '@aidial/api/testing';
import { ERROR_CODES, type ErrorCode } from '@aidial/shared/access';
import { type DevIdp, TEST_CLIENT, startDevIdp } from '@aidial/stand-ins/testing';
import { seedDemoData } from '../src/database/demo-seed';
import { type ApiPair, startApiPair } from './support/api-pair';
import { type RunResult, spawnBuiltApi, waitForListening } from './support/built-api';
import { type TestRedis, startTestRedis } from './support/redis';
import {
  DEMO_SEED,
  type SignInStack,
  cookieHeader,
  demoUser,
  identityProviderEnv,
  signIn,
  startSignInStack,
} from './support/sign-in-flow';

/**
 * spec/05's abuse cases for `POST /api/auth/mfa-sms-enrol`, each on the real stack (PostgreSQL, HTTP, a dev-idp
 * process, built API processes, Redis): a burst for one number admits exactly the per-phone limit, from one instance
 * and from two; nothing the route is given makes it fail or send Zitadel anything but `+614XXXXXXXX`; and no written
 * form of a number is kept in the database, the logs or an error answer.
 *
 * Numbers are from ACMA's range for fictional use (0491 570 xxx), so none of them is anyone's.
 */

type Cookies = Record<string, string>;

/** `items[index]`, or a failed test when there is none (a fixture this file set up itself went missing). */
function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item at ${index} of ${items.length}`);
  return item;
}

/** The value under `key`, or a failed test when there is none. */
function must<T>(map: ReadonlyMap<string, T> | Record<string, T>, key: string): T {
  const value = map instanceof Map ? map.get(key) : (map as Record<string, T>)[key];
  if (value === undefined) throw new Error(`nothing under ${key}`);
  return value;
}

/** The eligible demo users (client_admin in Acme Health, partner_admin in Northwind; both tenants have the flag on). */
const AMELIA = 'amelia.hart@acme-health.example';
const CHLOE = 'chloe.nguyen@acme-health.example'; // SMS already enrolled at the provider (seed): her admitted request is a 409
const PRIYA = 'priya.natarajan@northwind.example';
const OLIVER = 'oliver.bennett@northwind.example';
const ELIGIBLE = [AMELIA, CHLOE, PRIYA, OLIVER] as const;
/** Those without an SMS factor in the seed: the ones whose factor a test removes again. */
const WITHOUT_SMS_IN_SEED = [AMELIA, PRIYA, OLIVER] as const;

const ENROL = '/api/auth/mfa-sms-enrol';
const E164_AU_MOBILE = /^\+614\d{8}$/;

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly body: unknown;
  readonly contentType: string;
  readonly retryAfter: string | null;
  readonly requestId: string | null;
}

/** One enrolment request from a signed-in browser (session cookie and the CSRF double-submit), with a raw JSON body. */
async function enrol(baseUrl: string, cookies: Cookies, rawBody: string): Promise<Answer> {
  const response = await fetch(`${baseUrl}${ENROL}`, {
    method: 'POST',
    headers: {
      cookie: cookieHeader(cookies),
      'x-xsrf-token': cookies['XSRF-TOKEN'] ?? '',
      'content-type': 'application/json',
    },
    body: rawBody,
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return {
    status: response.status,
    text,
    body,
    contentType: response.headers.get('content-type') ?? '',
    retryAfter: response.headers.get('retry-after'),
    requestId: response.headers.get('x-request-id'),
  };
}

const withPhone = (phone: unknown) => JSON.stringify({ phone });
const e164Of = (national: string) => `+61${national.replace(/\D/g, '').slice(1)}`;
const tailOf = (e164: string) => `+61 ... ${e164.slice(-3)}`;

/** The error envelope (`{code, message, request_id}`, plus `fields` on validation) with the status its code has. */
function expectEnvelope(answer: Answer, code?: ErrorCode): void {
  expect(answer.contentType).toMatch(/^application\/json/);
  const body = answer.body as Record<string, unknown>;
  expect(typeof body).toBe('object');
  expect(Object.keys(body).filter((key) => !['code', 'message', 'request_id', 'fields'].includes(key))).toEqual([]);
  expect(Object.keys(ERROR_CODES)).toContain(body['code']);
  if (code) expect(body['code']).toBe(code);
  expect(answer.status).toBe(ERROR_CODES[body['code'] as ErrorCode].status);
  expect(typeof body['message']).toBe('string');
  expect(body['request_id']).toBe(answer.requestId);
  if ('fields' in body) {
    expect(body['code']).toBe('validation_failed');
    for (const field of body['fields'] as unknown[]) {
      expect(Object.keys(field as object).sort()).toEqual(['field', 'message']);
    }
  }
}

/** Exactly `{"phone_tail":"+61 ... 678"}`: nothing else, and no more of the number than its last three digits. */
function expectSuccess(answer: Answer, e164: string): void {
  expect(answer.status).toBe(200);
  expect(answer.text).toBe(JSON.stringify({ phone_tail: tailOf(e164) }));
}

function expectRateLimited(answer: Answer): void {
  expectEnvelope(answer, 'mfa_sms_rate_limited');
  // The exhausted buckets are the minute ones (per phone, per user): at most a minute to wait, at least a second.
  expect(answer.retryAfter).toMatch(/^\d+$/);
  expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(answer.retryAfter)).toBeLessThanOrEqual(SMS_ENROL_LIMITS.phoneMinute.windowSeconds);
}

/**
 * Removes the SMS factor the provider holds for these users (Zitadel's `DELETE /v2/users/{id}/otp_sms`); none is fine.
 */
async function removeSmsFactors(issuer: string, emails: readonly string[], fetchImpl: typeof fetch = fetch) {
  for (const email of emails) {
    const response = await fetchImpl(`${issuer}/v2/users/${demoUser(email).sub}/otp_sms`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${TEST_CLIENT.serviceToken}` },
    });
    if (response.status !== 200 && response.status !== 404) {
      throw new Error(`removing ${email}'s SMS factor answered ${response.status}: ${await response.text()}`);
    }
  }
}

/** The instance's SMS provider at dev-idp, as ZITADEL's admin API reports it. */
async function setSmsProvider(issuer: string, smsProvider: 'active' | 'none'): Promise<void> {
  const response = await fetch(`${issuer}/dev/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ smsProvider }),
  });
  if (!response.ok) throw new Error(`dev faults answered ${response.status}`);
}

async function userIds(db: DataSource): Promise<Map<string, string>> {
  const rows = (await db.query(`SELECT id, email FROM portal_user WHERE email = ANY($1)`, [[...ELIGIBLE]])) as Array<{
    id: string;
    email: string;
  }>;
  return new Map(rows.map((row) => [row.email, row.id]));
}

/** The buckets one enrolment of `e164` by these users names (no client-IP bucket: no trusted proxy in these tests). */
function burstBuckets(e164: string, users: readonly string[]) {
  const L = SMS_ENROL_LIMITS;
  return {
    phoneMinute: { ...L.phoneMinute, key: e164 },
    phoneDay: { ...L.phoneDay, key: e164 },
    globalMinute: { ...L.globalMinute, key: 'all' },
    userMinutes: users.map((id) => ({ ...L.userMinute, key: id })),
    userDays: users.map((id) => ({ ...L.userDay, key: id })),
  };
}
type BurstBuckets = ReturnType<typeof burstBuckets>;
const allOf = (buckets: BurstBuckets): RateLimitBucket[] => [
  buckets.phoneMinute,
  buckets.phoneDay,
  buckets.globalMinute,
  ...buckets.userMinutes,
  ...buckets.userDays,
];

/**
 * Counter values by bucket, read from PostgreSQL's `rate_limit_counter` (the stored names are HMACs under the secret).
 */
async function postgresCounts(db: DataSource, secret: string, buckets: RateLimitBucket[]): Promise<number[]> {
  const keys = new RateLimitKeys(secret);
  const names = buckets.map((bucket) => keys.counterKey(bucket));
  const rows = (await db.query(`SELECT key, count FROM rate_limit_counter WHERE key = ANY($1)`, [names])) as Array<{
    key: string;
    count: number;
  }>;
  return names.map((name) => Number(rows.find((row) => row.key === name)?.count ?? 0));
}

async function redisCounts(redis: TestRedis, secret: string, buckets: RateLimitBucket[]): Promise<number[]> {
  return (await redis.counters(secret, buckets)).map((counter) => Number(counter.value ?? 0));
}

/**
 * 50 concurrent enrolments of one number, spread over the four eligible users (and over the instances given): the
 * per-user buckets (3 a minute each, 12 in all) could admit more, so what stops them is the per-phone bucket.
 */
async function burstForOneNumber(urls: readonly string[], browsers: readonly Cookies[], typed: string) {
  return Promise.all(
    Array.from({ length: 50 }, async (_, index) => {
      const user = Math.floor(index / urls.length) % browsers.length;
      const answer = await enrol(nth(urls, index % urls.length), nth(browsers, user), withPhone(typed));
      return { user, answer };
    }),
  );
}

/** Exactly three requests passed the rate-limit step (200, or 409 for a user already enrolled); 47 are 429. */
function expectExactlyThreeAdmitted(answers: Array<{ user: number; answer: Answer }>, e164: string): void {
  const admitted = answers.filter(({ answer }) => answer.status !== 429);
  const refused = answers.filter(({ answer }) => answer.status === 429);
  expect(admitted).toHaveLength(SMS_ENROL_LIMITS.phoneMinute.limit);
  expect(refused).toHaveLength(50 - SMS_ENROL_LIMITS.phoneMinute.limit);
  for (const { answer } of admitted) {
    if (answer.status === 200) expectSuccess(answer, e164);
    else expectEnvelope(answer, 'mfa_sms_already_enrolled');
  }
  for (const { answer } of refused) expectRateLimited(answer);
}

/** Each counter holds what was admitted: 3 for the phone (minute, day) and the global bucket, 3 across users. */
function expectCountedThree(counts: number[], buckets: BurstBuckets, admittedPerUser: number[]): void {
  const users = buckets.userMinutes.length;
  const [phoneMinute, phoneDay, globalMinute, ...perUser] = counts;
  expect({ phoneMinute, phoneDay, globalMinute }).toEqual({ phoneMinute: 3, phoneDay: 3, globalMinute: 3 });
  expect(perUser.slice(0, users)).toEqual(admittedPerUser);
  expect(perUser.slice(users)).toEqual(admittedPerUser);
}

const admittedPerUser = (answers: Array<{ user: number; answer: Answer }>, users: number) =>
  Array.from(
    { length: users },
    (_, user) => answers.filter((entry) => entry.user === user && entry.answer.status !== 429).length,
  );

/** A request Zitadel's REST API received from the API, as the recorder saw it leave. */
interface ZitadelCall {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

/**
 * Records the API's calls to the provider's REST API (`{issuer}/v2/…`) as they leave the process. A recording
 * pass-through, not a mock: every request still goes, unchanged, to the real dev-idp process, and its real answer comes
 * back. It works because the in-process API runs in this Jest process and its Zitadel client calls the global `fetch`.
 */
function recordZitadelCalls(issuer: string) {
  const realFetch = globalThis.fetch;
  const prefix = `${issuer.replace(/\/$/, '')}/v2/`;
  const calls: ZitadelCall[] = [];
  const recording: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith(prefix)) {
      const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
      let body: unknown = init?.body;
      if (typeof body === 'string') {
        try {
          body = JSON.parse(body);
        } catch {
          // kept as sent
        }
      }
      calls.push({ method, path: new URL(url).pathname, body });
    }
    return realFetch(input, init);
  };
  globalThis.fetch = recording;
  return { calls, realFetch, restore: () => void (globalThis.fetch = realFetch) };
}

describe('SMS enrolment on one API instance', () => {
  const secret = `sms-abuse-${randomBytes(24).toString('hex')}`;
  let stack: SignInStack;
  let db: DataSource;
  let browsers: Cookies[];
  let ids: Map<string, string>;

  beforeAll(async () => {
    stack = await startSignInStack({ SESSION_SECRET: secret });
    db = stack.api.app.get(DataSource);
    // Signed in before any test enrols anyone: once a user has an SMS factor, the provider asks for a code at sign-in.
    browsers = [];
    for (const email of ELIGIBLE) browsers.push((await signIn(stack, email)).cookies);
    ids = await userIds(db);
  }, 60_000);

  afterAll(() => stack?.close());

  beforeEach(async () => {
    await clearRateLimits(db);
    await removeSmsFactors(stack.idp.issuer, WITHOUT_SMS_IN_SEED);
  });
  afterEach(() => removeSmsFactors(stack.idp.issuer, WITHOUT_SMS_IN_SEED));

  it('admits exactly 3 of 50 concurrent enrolments of one number from four users; the rest 429 with Retry-After', async () => {
    const typed = '0491 570 101';
    const e164 = e164Of(typed);
    const answers = await burstForOneNumber([stack.api.baseUrl], browsers, typed);
    expectExactlyThreeAdmitted(answers, e164);

    const perUser = admittedPerUser(answers, ELIGIBLE.length);
    const buckets = burstBuckets(
      e164,
      ELIGIBLE.map((email) => must(ids, email)),
    );
    expectCountedThree(await postgresCounts(db, secret, allOf(buckets)), buckets, perUser);

    // The refusals were the number's: a user the burst left under their own limit may still enrol another number…
    const underLimit = perUser.findIndex((count) => count < SMS_ENROL_LIMITS.userMinute.limit);
    const other = await enrol(stack.api.baseUrl, nth(browsers, underLimit), withPhone('0491 570 102'));
    expect(other.status).not.toBe(429);
    // …but not this one, for another minute.
    expectRateLimited(await enrol(stack.api.baseUrl, nth(browsers, underLimit), withPhone(typed)));
  });

  it('never fails, answers only the envelope or the masked tail, and sends Zitadel only +614XXXXXXXX, whatever `phone` is', async () => {
    const amelia = nth(browsers, ELIGIBLE.indexOf(AMELIA));
    const ameliaPhonePath = `/v2/users/${demoUser(AMELIA).sub}/phone`;
    const recorder = recordZitadelCalls(stack.idp.issuer);
    const seen = { enrolled: 0, phoneCalls: 0 };
    try {
      await fc.assert(
        fc.asyncProperty(requestBodies, async (raw) => {
          const phone = phoneFieldOf(raw);
          // Every run starts with fresh counters and no factor: the answer depends on the body alone.
          await clearRateLimits(db);
          const before = recorder.calls.length;
          const answer = await enrol(stack.api.baseUrl, amelia, raw);
          const phoneCalls = recorder.calls.slice(before).filter((call) => call.path.endsWith('/phone'));
          seen.phoneCalls += phoneCalls.length;
          const code = (answer.body as { code?: string } | undefined)?.code ?? '';
          if (phoneCalls.length > 0) await removeSmsFactors(stack.idp.issuer, [AMELIA], recorder.realFetch);

          expect(answer.status).toBeLessThan(500);
          for (const call of phoneCalls) {
            expect(call).toEqual({
              method: 'POST',
              path: ameliaPhonePath,
              body: { phone: expect.stringMatching(E164_AU_MOBILE), isVerified: true },
            });
            // …and it is the number typed: its digits are the typed ones after an international or trunk prefix.
            expect(typeof phone).toBe('string');
            const sent = (call.body as { phone: string }).phone.slice(3);
            const typedDigits = (phone as string).replace(/[^0-9]/g, '');
            expect(['', '0', '61', '610', '001161', '0011610'].map((prefix) => prefix + sent)).toContain(typedDigits);
          }
          if (answer.status === 200) {
            seen.enrolled++;
            expect(phoneCalls).toHaveLength(1);
            expectSuccess(answer, (nth(phoneCalls, 0).body as { phone: string }).phone);
          } else {
            expectEnvelope(answer);
            expect([
              '400 validation_failed',
              '400 mfa_sms_country_not_supported',
              '400 malformed_json',
              '413 payload_too_large',
            ]).toContain(`${answer.status} ${code}`);
          }
          // An answer never says the number back.
          if (typeof phone === 'string') {
            for (const run of phone.match(/\d{7,}/g) ?? []) expect(answer.text).not.toContain(run);
          }
        }),
        { numRuns: 300 },
      );
    } finally {
      recorder.restore();
    }
    // The property was not vacuous: numbers did reach Zitadel, every one of them an Australian mobile.
    expect(seen.phoneCalls).toBeGreaterThanOrEqual(10);
    expect(seen.enrolled).toBeGreaterThanOrEqual(10);
    const phones = recorder.calls.filter((call) => call.path.endsWith('/phone'));
    expect(phones.length).toBe(seen.phoneCalls);
    for (const call of phones) expect((call.body as { phone: unknown }).phone).toMatch(E164_AU_MOBILE);
  }, 90_000);
});

describe.each([
  ['PostgreSQL', false],
  ['Redis', true],
] as const)('SMS enrolment across two API instances sharing counters in %s', (_store, useRedis) => {
  const secret = `sms-abuse-pair-${randomBytes(24).toString('hex')}`;
  let redis: TestRedis | undefined;
  let pair: ApiPair;
  let browsers: Cookies[];
  let ids: Map<string, string>;
  const used: RateLimitBucket[] = [];

  beforeAll(async () => {
    if (useRedis) redis = await startTestRedis();
    // A fresh secret per run: the counters (HMACs under it) are this run's own, even on a shared Redis.
    pair = await startApiPair({ SESSION_SECRET: secret, ...(redis ? { REDIS_URL: redis.url } : {}) });
    browsers = [];
    for (const email of ELIGIBLE) browsers.push((await signIn(pair.signInVia, email)).cookies);
    ids = await userIds(pair.db);
  }, 90_000);

  afterAll(async () => {
    if (pair) await removeSmsFactors(pair.signInVia.idp.issuer, WITHOUT_SMS_IN_SEED);
    await pair?.close();
    if (redis) {
      await redis.deleteCounters(secret, used);
      await redis.stop();
    }
  });

  it('admits exactly 3 of 50 concurrent enrolments of one number sent to both instances by four users', async () => {
    const e164 = useRedis ? '+61491570104' : '+61491570103';
    const typed = `+61 ${e164.slice(3, 6)} ${e164.slice(6, 9)} ${e164.slice(9)}`;
    const buckets = burstBuckets(
      e164,
      ELIGIBLE.map((email) => must(ids, email)),
    );
    used.push(...allOf(buckets));

    const answers = await burstForOneNumber(pair.urls, browsers, typed);
    expectExactlyThreeAdmitted(answers, e164);
    // Both instances were asked, each by every user.
    expect(new Set(answers.map((_, index) => index % 2)).size).toBe(2);

    const counts = redis
      ? await redisCounts(redis, secret, allOf(buckets))
      : await postgresCounts(pair.db, secret, allOf(buckets));
    expectCountedThree(counts, buckets, admittedPerUser(answers, ELIGIBLE.length));
  }, 60_000);
});

/** A built API process of its own (logging at `debug`), its database and a dev-idp; `stop()` hands back its output. */
async function startBuiltApiWithOutput() {
  const database = await cloneTestDatabase();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let idp: DevIdp | undefined;
  let db: DataSource | undefined;
  let started: ReturnType<typeof spawnBuiltApi> | undefined;
  let output: RunResult | undefined;
  const stop = async (): Promise<RunResult> => {
    if (!output && started) {
      started.child.kill('SIGTERM');
      output = await started.result;
    }
    return output ?? { code: null, signal: null, stdout: '', stderr: '' };
  };
  const close = async () => {
    await stop();
    await db?.destroy();
    await idp?.stop();
    await database.drop();
  };
  try {
    idp = await startDevIdp({ DEV_IDP_REDIRECT_URIS: `${url}/api/auth/callback` });
    db = await new DataSource({ type: 'postgres', url: database.url }).initialize();
    await seedDemoData(db, DEMO_SEED as never);
    started = spawnBuiltApi(
      testApiEnv(database.url, {
        PORT: String(port),
        PUBLIC_URL: url,
        ...identityProviderEnv(idp),
        LOG_LEVEL: 'debug',
      }),
    );
    await waitForListening(started.child);
  } catch (error) {
    await close();
    throw error;
  }
  const signInVia = { api: { baseUrl: url }, idp } as unknown as SignInStack;
  return { url, db, idp, signInVia, stop, close };
}

/**
 * Every way a number could be kept: its 9 significant digits with or without separators (E.164, national, spaced…),
 * or their bytes in hex.
 */
function tracesOf(e164: string): RegExp[] {
  const significant = e164.slice(3);
  return [
    new RegExp(significant.split('').join('[\\s().\\-]*')),
    new RegExp(Buffer.from(significant).toString('hex'), 'i'),
  ];
}

describe('what is kept of an SMS enrolment', () => {
  let built: Awaited<ReturnType<typeof startBuiltApiWithOutput>>;

  beforeAll(async () => {
    built = await startBuiltApiWithOutput();
  }, 60_000);
  afterAll(() => built?.close());

  it('keeps no form of the numbers in the database, the logs or the error answers, only the masked tails in the audit', async () => {
    const browser: Record<string, Cookies> = {};
    for (const email of ELIGIBLE) browser[email] = (await signIn(built.signInVia, email)).cookies;
    const enrolAs = (email: string, body: string) => enrol(built.url, must(browser, email), body);

    const first = '+61491570156'; // enrolled by Amelia; Chloe, already enrolled, is refused
    const second = '+61491570157'; // enrolled by Priya, then already enrolled, then rate-limited
    const third = '+61491570158'; // the provider cannot deliver to it
    const fourth = '+61491570159'; // only ever written wrongly
    const numbers = [first, second, third, fourth];
    const answers: Answer[] = [];
    const send = async (email: string, body: string) => {
      const answer = await enrolAs(email, body);
      answers.push(answer);
      return answer;
    };

    expectSuccess(await send(AMELIA, withPhone('0491 570 156')), first);
    expectEnvelope(await send(CHLOE, withPhone('+61 491 570 156')), 'mfa_sms_already_enrolled');
    expectSuccess(await send(PRIYA, withPhone('(04) 9157 0157')), second);
    expectEnvelope(await send(PRIYA, withPhone('0491570157')), 'mfa_sms_already_enrolled');
    expectEnvelope(await send(PRIYA, withPhone('+61 (0) 491 570 157')), 'mfa_sms_already_enrolled');
    expectRateLimited(await send(PRIYA, withPhone('61 491 570 157')));
    await setSmsProvider(built.idp.issuer, 'none');
    try {
      expectEnvelope(await send(OLIVER, withPhone('0491-570-158')), 'mfa_sms_provider_unavailable');
    } finally {
      await setSmsProvider(built.idp.issuer, 'active');
    }
    expectEnvelope(await send(OLIVER, withPhone('0491 570 159 ext 2')), 'validation_failed');
    expectEnvelope(await send(OLIVER, withPhone('+1 491 570 159')), 'mfa_sms_country_not_supported');
    expectEnvelope(await send(OLIVER, withPhone('0491 570 159 9')), 'validation_failed');
    expectEnvelope(await send(OLIVER, withPhone(491570159)), 'validation_failed');
    expectEnvelope(
      await send(OLIVER, JSON.stringify({ phone: '0491570159', mobile: '0491570159' })),
      'validation_failed',
    );
    expectEnvelope(await send(OLIVER, JSON.stringify({ phone: 'tel:+61491570159' })), 'validation_failed');

    // The traces searched for below are found in every form these numbers were typed in (the search can find them).
    for (const typed of ['0491 570 156', '+61 491 570 156', '(04) 9157 0157', '+61 (0) 491 570 157', '0491-570-158']) {
      expect(numbers.some((e164) => nth(tracesOf(e164), 0).test(typed))).toBe(true);
    }
    expect(nth(tracesOf(first), 1).test(Buffer.from(first).toString('hex'))).toBe(true);

    // (c) The answers: a success holds the masked tail alone (checked above), an error none of any number.
    for (const answer of answers.filter((a) => a.status !== 200)) {
      for (const e164 of numbers) for (const trace of tracesOf(e164)) expect(answer.text).not.toMatch(trace);
    }

    // The audit holds the masked tails of the enrolments that reached the provider, nothing more of the numbers.
    // (`seq` orders one tenant's chain, not the whole table: compared as a multiset.)
    const audited = (await built.db.query(
      `SELECT outcome, details FROM audit_event WHERE action = 'mfa.sms_otp.enrolment'`,
    )) as Array<{ outcome: string; details: Record<string, unknown> }>;
    const sorted = (events: object[]) => events.map((event) => JSON.stringify(event)).sort();
    expect(sorted(audited.map(({ outcome, details }) => ({ outcome, ...details })))).toEqual(
      sorted([
        { outcome: 'success', phone_tail: '+61 ... 156' },
        { outcome: 'denied', reason: 'already_enrolled', phone_tail: '+61 ... 156' },
        { outcome: 'success', phone_tail: '+61 ... 157' },
        { outcome: 'denied', reason: 'already_enrolled', phone_tail: '+61 ... 157' },
        { outcome: 'denied', reason: 'already_enrolled', phone_tail: '+61 ... 157' },
        { outcome: 'failure', reason: 'provider_not_configured', phone_tail: '+61 ... 158' },
      ]),
    );

    // (a) The whole database: every row of every table, every column cast to text (bytea as hex, json as text).
    const tables = (await built.db.query(
      `SELECT table_schema, table_name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
        ORDER BY 1, 2`,
    )) as Array<{ table_schema: string; table_name: string }>;
    const searched: Record<string, number> = {};
    for (const { table_schema: schema, table_name: table } of tables) {
      const rows = (await built.db.query(
        `SELECT t::text AS row FROM "${schema.replace(/"/g, '""')}"."${table.replace(/"/g, '""')}" t`,
      )) as Array<{ row: string }>;
      searched[table] = rows.length;
      const dump = rows.map((r) => r.row).join('\n');
      for (const e164 of numbers) {
        for (const trace of tracesOf(e164))
          expect({ table, found: trace.exec(dump)?.[0] ?? null }).toEqual({ table, found: null });
      }
    }
    // The search looked where the enrolments left their marks.
    expect(searched['audit_event']).toBeGreaterThanOrEqual(audited.length);
    expect(searched['rate_limit_counter']).toBeGreaterThan(0);
    expect(searched['session']).toBeGreaterThanOrEqual(ELIGIBLE.length);

    // (b) The logs, at debug: stdout and stderr of the whole run, none of the numbers in any form.
    const { stdout, stderr } = await built.stop();
    const logs = `${stdout}\n${stderr}`;
    for (const event of ['sms_otp.enrolled', 'rate_limit.refused', 'sms_otp.no_active_provider', ENROL]) {
      expect(logs).toContain(event);
    }
    for (const e164 of numbers) {
      for (const trace of tracesOf(e164)) expect({ found: trace.exec(logs)?.[0] ?? null }).toEqual({ found: null });
    }
  }, 60_000);
});

/* ---------------------------------------------------------------- what the property test sends */

/** The 9 significant digits of an Australian mobile: mostly ACMA's fictional 0491 570 1xx, some anywhere in 04. */
const auCore = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 100, max: 199 }).map((n) => `491570${n}`) },
  { weight: 1, arbitrary: fc.stringMatching(/^4\d{8}$/) },
);
const spaced = (c: string) => `${c.slice(0, 3)} ${c.slice(3, 6)} ${c.slice(6)}`;
const fullWidth = (s: string) => s.replace(/[0-9+]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
const arabicIndic = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));

/** How people write one: +CC, 00CC and 0011 CC, national, with spaces, brackets, dashes, dots, trunk zeros. */
const writtenForms: ReadonlyArray<(c: string) => string> = [
  (c) => `+61${c}`,
  (c) => `+61 ${spaced(c)}`,
  (c) => `0${c}`,
  (c) => `0${spaced(c)}`,
  (c) => `(0${c[0]}) ${c.slice(1, 5)} ${c.slice(5)}`,
  (c) => `0${c.slice(0, 3)}-${c.slice(3, 6)}-${c.slice(6)}`,
  (c) => `0${c.slice(0, 3)}.${c.slice(3, 6)}.${c.slice(6)}`,
  (c) => `+61 (0) ${spaced(c)}`,
  (c) => `+610${c}`,
  (c) => `61${c}`,
  (c) => c,
  (c) => `0011 61 ${spaced(c)}`,
  (c) => `0061${c}`,
  (c) => `00 61 ${c}`,
  (c) => `  0${c}\t`,
  (c) => `+ 6 1 ${c}`,
];
/** And how they should not be accepted, or at least never turned into another number. */
const oddForms: ReadonlyArray<(c: string) => string> = [
  (c) => fullWidth(`+61${c}`),
  (c) => arabicIndic(`0${c}`),
  (c) => `+61\u00a0${spaced(c)}`,
  (c) => `0${c}`.split('').join('\u200b'),
  (c) => `\u202e0${c}`,
  (c) => `0${c}\u0000`,
  (c) => `+61${c}#`,
  (c) => `+61${c}0`,
  (c) => `+61${c.slice(1)}`,
  (c) => `+61${c.slice(0, 8)}`,
  (c) => `tel:+61${c}`,
  (c) => `+61${c};ext=1`,
  (c) => `+61 ${c} x12`,
  (c) => `+61${c}+61${c}`,
  (c) => `+1${c}`,
  (c) => `+64${c}`,
  (c) => `+62${c}`,
  (c) => `+6${c}`,
  (c) => `+616${c}`,
  (c) => `0044${c}`,
  (c) => `+61-${c}`,
  (c) => `((0${c}))`,
  (c) => `0${c}\n0${c}`,
];

const typedNumbers = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(auCore, fc.constantFrom(...writtenForms)).map(([c, form]) => form(c)) },
  { weight: 3, arbitrary: fc.tuple(auCore, fc.constantFrom(...oddForms)).map(([c, form]) => form(c)) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom('+', '00', '0011 ', '', '+0'),
        fc.integer({ min: 1, max: 999 }),
        fc.stringMatching(/^\d{4,14}$/),
      )
      .map(([prefix, cc, rest]) => `${prefix}${cc} ${rest}`),
  },
  { weight: 1, arbitrary: fc.stringMatching(/^\+?[\d ()\-.]{1,32}$/) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

/** Strings far over the 32 characters allowed, some over the 100 KB body limit. */
const hugeStrings = fc
  .tuple(fc.constantFrom('0491570111', '4', ' ', '+61', 'é', '\u{1f4f1}'), fc.integer({ min: 4, max: 60_000 }))
  .map(([unit, times]) => unit.repeat(times));

/** `phone` as anything JSON can carry. */
const notStrings = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(61491570112, 491570112, 0, -1, 1e21, null, true, false),
  fc.array(typedNumbers, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), typedNumbers, { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 2 }),
);

const phoneValues = fc.oneof(
  { weight: 8, arbitrary: typedNumbers },
  { weight: 1, arbitrary: hugeStrings },
  { weight: 2, arbitrary: notStrings },
);

/** The `phone` the API will read from a raw body, if the body is a JSON object that has one. */
function phoneFieldOf(raw: string): unknown {
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (typeof parsed === 'object' && parsed !== null && Object.hasOwn(parsed, 'phone')) {
      return (parsed as { phone: unknown }).phone;
    }
  } catch {
    // not JSON: no phone
  }
  return undefined;
}

/** Raw request bodies: mostly `{"phone": …}`, some with extra fields, some that are not what the route takes at all. */
const requestBodies: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: phoneValues.map(withPhone) },
  {
    // Extra fields (even `isVerified`, or keys that look like the prototype): the body has exactly one field.
    weight: 2,
    arbitrary: fc
      .tuple(
        phoneValues,
        fc.dictionary(
          fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('isVerified', 'phone_number', 'userId')),
          fc.jsonValue({ maxDepth: 2 }),
          { minKeys: 1, maxKeys: 3 },
        ),
      )
      .filter(([, extra]) => Object.keys(extra).some((key) => key !== 'phone'))
      .map(([phone, extra]) => JSON.stringify({ ...extra, phone })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{}',
      'null',
      '[]',
      '"0491570113"',
      '0491570113',
      '{"phone":"0491570113",}',
      '{"phone":"0491570113","__proto__":{"phone":"+441234567890"}}',
      '{"__proto__":{"phone":"0491570113"}}',
      '{"phone":"0491570113","constructor":{"prototype":{"phone":"+441234567890"}}}',
      '{"phone":"0491570113","phone":"+44 7700 900123"}',
      '[{"phone":"0491570113"}]',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
);
