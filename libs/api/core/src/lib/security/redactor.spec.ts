import fc from 'fast-check';
import { REDACTED, classifyKey, maskPhone, redact, redactString, redactValueShapes } from './redactor';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXZhbHVl';
const API_KEY = 'aidial_live_AbCdEf0123456789xyzQRS';

describe('classifyKey', () => {
  it.each([
    ['password', 'secret'],
    ['newPassword', 'secret'],
    ['CLIENT_SECRET', 'secret'],
    ['access_token', 'secret'],
    ['idToken', 'secret'],
    ['X-XSRF-TOKEN', 'secret'],
    ['set-cookie', 'secret'],
    ['Cookie', 'secret'],
    ['authorization', 'secret'],
    ['Proxy-Authorization', 'secret'],
    ['x-api-key', 'secret'],
    ['apiKey', 'secret'],
    ['otp', 'secret'],
    ['sms_otp_code', 'secret'],
    ['one_time_code', 'secret'],
    ['recovery_codes', 'secret'],
    ['RecoveryCode', 'secret'],
    ['code', 'secret'],
    ['verification-code', 'secret'],
    ['totp_seed', 'secret'],
    ['phone', 'phone'],
    ['phoneNumber', 'phone'],
    ['MOBILE', 'phone'],
    ['msisdn', 'phone'],
    ['phone_tail', 'phone'],
    ['error_code', 'plain'],
    ['reason', 'plain'],
    ['email', 'plain'],
    ['role', 'plain'],
    ['session_id', 'plain'],
  ])('%s names a %s value', (key, kind) => {
    expect(classifyKey(key)).toBe(kind);
  });
});

describe('redactString', () => {
  it.each([
    [`saw ${JWT} here`, `saw ${REDACTED} here`],
    ['Authorization: Bearer abc.def-ghi_jkl', `Authorization: ${REDACTED}`],
    ['basic dXNlcjpwYXNzd29yZA==', REDACTED],
    [`key ${API_KEY} rejected`, `key ${REDACTED} rejected`],
    ['call +61412345678 now', 'call +61 ... 678 now'],
    ['+61 412 345 678', '+61 ... 678'],
    ['+44-20-7946-0958', '+44 ... 958'],
    ['+61 ... 678', '+61 ... 678'],
    ['aidial_session', 'aidial_session'],
    ['2026-11-23T13:34:00+00:00', '2026-11-23T13:34:00+00:00'],
    ['tenant_suspended', 'tenant_suspended'],
    ['123456', '123456'],
  ])('%s → %s', (input, output) => {
    expect(redactString(input)).toBe(output);
  });

  it('masks a phone number to its tail as spec/05 shows it', () => {
    expect(maskPhone('+61412345678')).toBe('+61 ... 678');
  });
});

describe('redact', () => {
  it('drops secret keys and masks phone keys at any depth and in arrays, whatever their case', () => {
    const input = {
      reason: 'provider_denied',
      Password: 'hunter2',
      nested: [{ refresh_TOKEN: 'r1' }, { deeper: { RECOVERY_CODES: ['abcd-efgh', 'ijkl-mnop'] } }],
      headers: { Authorization: 'Basic Zm9vOmJhcg==', cookie: 'aidial_session=xyz', accept: 'text/html' },
      phone: '+61412345678',
      phone_tail: '+61 ... 678',
      mobile: 412345678,
      otp: 123456,
    };
    expect(redact(input)).toEqual({
      reason: 'provider_denied',
      Password: REDACTED,
      nested: [{ refresh_TOKEN: REDACTED }, { deeper: { RECOVERY_CODES: REDACTED } }],
      headers: { Authorization: REDACTED, cookie: REDACTED, accept: 'text/html' },
      phone: '+61 ... 678',
      phone_tail: '+61 ... 678',
      mobile: '+41 ... 678',
      otp: REDACTED,
    });
  });

  it('keeps a masked tail under a phone key as it is, and masks anything else written there', () => {
    expect(redact({ phone_tail: '+61 ... 678' })).toEqual({ phone_tail: '+61 ... 678' });
    expect(redact({ phone_tail: '0412 345 678' })).toEqual({ phone_tail: '+04 ... 678' });
    expect(redact({ phone_tail: { e164: '+61412345678' } })).toEqual({ phone_tail: REDACTED });
  });

  it('masks secret-shaped values under innocent keys', () => {
    expect(redact({ note: `${JWT}`, list: [`Bearer ${JWT}`, API_KEY], who: '+61 400 000 999' })).toEqual({
      note: REDACTED,
      list: [REDACTED, REDACTED],
      who: '+61 ... 999',
    });
  });

  it('turns dates into ISO strings, cuts cycles and refuses objects it cannot look into', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic['self'] = cyclic;
    expect(redact({ at: new Date('2026-01-02T03:04:05Z'), cyclic, buffer: Buffer.from('secret') })).toEqual({
      at: '2026-01-02T03:04:05.000Z',
      cyclic: { a: 1, self: REDACTED },
      buffer: REDACTED,
    });
  });

  it('leaves the input untouched', () => {
    const input = { token: 'abc', list: ['Bearer abcdefgh'] };
    redact(input);
    expect(input).toEqual({ token: 'abc', list: ['Bearer abcdefgh'] });
  });
});

describe('redactValueShapes (log lines)', () => {
  it('masks secret-shaped strings and passes errors and other instances through for their serializers', () => {
    const error = new Error('boom');
    const output = redactValueShapes({ msg: `with ${JWT}`, err: error, detail: { phone: 'call +61412345678' } }) as {
      msg: string;
      err: Error;
      detail: { phone: string };
    };
    expect(output.msg).toBe(`with ${REDACTED}`);
    expect(output.err).toBe(error);
    expect(output.detail.phone).toBe('call +61 ... 678');
  });
});

/**
 * Property: whatever nesting of objects and arrays carries a secret, in any listed shape under any key, or under any
 * listed key in any case, none of it survives in the serialised result.
 */
describe('redact (property)', () => {
  const token = fc.stringMatching(/^[A-Za-z0-9]{12,24}$/);
  const jwt = fc
    .tuple(token, token, token)
    .map(([header, payload, signature]) => `eyJ${header}.eyJ${payload}.${signature}`);
  const bearer = token.map((value) => `Bearer ${value}`);
  const apiKey = token.map((value) => `aidial_${value}${value}`);
  const phone = fc.stringMatching(/^\+61[0-9]{9}$/);
  const shapedSecret = fc.oneof(jwt, bearer, apiKey, phone);

  const secretKey = fc
    .constantFrom(
      'password',
      'client_secret',
      'access_token',
      'id_token',
      'refreshToken',
      'cookie',
      'set-cookie',
      'authorization',
      'x-api-key',
      'api_key',
      'otp',
      'one_time_code',
      'recovery_code',
      'recoveryCodes',
      'code',
    )
    .chain((key) =>
      fc.constantFrom(
        key,
        key.toUpperCase(),
        key.replace(/^./, (first) => first.toUpperCase()),
      ),
    );
  const phoneKey = fc.constantFrom('phone', 'Phone_Number', 'MOBILE', 'msisdn');
  const innocentKey = fc.constantFrom('reason', 'note', 'items', 'meta', 'detail', 'list', 'context');
  const innocentValue = fc.oneof(fc.constantFrom('ok', 'denied', 'x'), fc.integer(), fc.boolean());
  /** A secret value marked with a sentinel so its survival can be found in the output. */
  const keyedSecret = fc.stringMatching(/^[a-z0-9]{6,12}$/).map((value) => `KEYED${value}`);

  type Tree = unknown;
  const tree: fc.Arbitrary<{ value: Tree; secrets: string[] }> = fc.letrec<{
    node: { value: Tree; secrets: string[] };
  }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      shapedSecret.map((secret) => ({ value: secret, secrets: [secret] })),
      innocentValue.map((value) => ({ value, secrets: [] })),
      fc
        .array(fc.tuple(fc.oneof(secretKey, phoneKey, innocentKey), tie('node'), keyedSecret), { maxLength: 4 })
        .map((entries) => {
          const value: Record<string, unknown> = {};
          const secrets: string[] = [];
          entries.forEach(([key, child, sentinel], index) => {
            const kind = classifyKey(key);
            const name = `${key}${'_'.repeat(index)}`;
            if (kind === 'secret') {
              value[name] = sentinel;
              secrets.push(sentinel);
            } else if (kind === 'phone') {
              value[name] = '+61412345678';
              secrets.push('412345678');
            } else {
              value[name] = child.value;
              secrets.push(...child.secrets);
            }
          });
          return { value, secrets };
        }),
      fc
        .array(tie('node'), { maxLength: 4 })
        .map((items) => ({ value: items.map((item) => item.value), secrets: items.flatMap((item) => item.secrets) })),
    ),
  })).node;

  it('finds no secret of any listed shape or key in the redacted output', () => {
    fc.assert(
      fc.property(tree, ({ value, secrets }) => {
        const output = JSON.stringify(redact(value));
        for (const secret of secrets) {
          const hidden = secret.startsWith('+') ? secret.slice(3, -3) : secret;
          expect(output).not.toContain(hidden);
        }
      }),
      { numRuns: 500 },
    );
  });
});
