import { type TicketSecretKind, findSecretShapes } from './ticket-secrets';

const JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const API_KEY = 'aidial_k3v9x0a1b2c3_Q2x8Zr4Tn7Lp0Wv5Yb3Hc6Jd9Kf2Mg8Ns1Pq4Rt7Uv0Wx3Yz';

const SECRETS: ReadonlyArray<readonly [string, string, TicketSecretKind]> = [
  ['a JWT', `my token is ${JWT} please check`, 'jwt'],
  ['an AiDial API key', `the key ${API_KEY} stopped working`, 'api_key'],
  ['a bearer credential', 'I sent Bearer 8f2k3j4h5g6f7d8s9a0qwe and got 401', 'authorization_header'],
  ['an Authorization header', 'Authorization: Basic dXNlcjpwYXNzd29yZA==', 'authorization_header'],
  ['a Cookie header', 'Cookie: aidial_session=abc; XSRF-TOKEN=def', 'session_cookie'],
  ['the session cookie with its value', 'aidial_session=Zk3m9Qx2Lr8Tn4Vb7Hc1Jd6Kf', 'session_cookie'],
  ['the https session cookie with its value', '__Host-aidial_session=Zk3m9Qx2Lr8Tn4Vb7Hc1Jd6Kf', 'session_cookie'],
  ['a code after "code"', 'The code 123456 does not work', 'one_time_code'],
  ['a code after "OTP:"', 'OTP: 654321', 'one_time_code'],
  ['a code after "my code is"', 'my code is 12345678', 'one_time_code'],
  ['a code as an authenticator shows it', 'authenticator code 123 456 is rejected', 'one_time_code'],
  ['an SMS code', 'the SMS code was 4455667, expired?', 'one_time_code'],
  ['a one-time code', 'one-time code: "908172"', 'one_time_code'],
  ['a verification code', 'Verification code = 0011223', 'one_time_code'],
  ['a 2FA code', '2FA 778899', 'one_time_code'],
  ['a recovery code as issued', 'I used ABCDE-FGH23 yesterday', 'recovery_code'],
  ['a recovery code given as one', 'my recovery code is k3j4h-5g6f7', 'recovery_code'],
  ['an otpauth URI', 'otpauth://totp/AiDial:amelia?secret=JBSWY3DPEHPK3PXP&issuer=AiDial', 'otpauth_uri'],
  ['a seed after "secret"', 'secret: JBSW Y3DP EHPK 3PXP', 'totp_seed'],
  ['a bare base32 seed', 'it was KW5RYI4QGFNJJOVIOY5JBQZDO23GAE2D', 'totp_seed'],
  ['a private key block', '-----BEGIN RSA PRIVATE KEY-----\nMIIEow…', 'private_key'],
  ['an OpenSSH private key block', '-----BEGIN OPENSSH PRIVATE KEY-----', 'private_key'],
  ['an AWS access key id', 'using AKIAIOSFODNN7EXAMPLE in eu', 'cloud_key'],
  ['an AWS secret access key', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'cloud_key'],
];

const HARMLESS: ReadonlyArray<readonly [string, string]> = [
  ['a phone number in prose', 'Please call me on 0412 345 678 or +61 412 345 678 after 3pm.'],
  ['a phone number after "code"', 'Our area code 02 9876 5432 changed.'],
  ['a ticket number', 'Following up on ticket 123456 and invoice 87654321.'],
  ['an error code', 'The page shows error code 500123.'],
  ['a mention of codes without one', 'My one-time code never arrived and my recovery codes are lost.'],
  ['a short PIN', 'The PIN 1234 on the door.'],
  ['a postcode', 'Our office postcode is 2000, code 3000 for the other site.'],
  ['nine digits after "code"', 'Booking code 123456789 is on the invoice.'],
  ['the word "basic" and "token" in prose', 'I have a basic question about the token expiry setting in general.'],
  ['the cookie name without a value', 'Is the aidial_session cookie needed?'],
  ['a cookie mention', 'Cookie: I cannot sign in since the cookie banner appeared.'],
  ['an ABN', 'Our ABN is 51 824 753 556.'],
  ['lower-case words like a recovery code', 'please check-later today'],
  ['upper-case words with I or O', 'HELLO-WORLD is our project name.'],
  ['a date and time', 'It happened on 2026-11-23 at 14:05:33.'],
  ['a request id', 'request id 3f2a9c1e-7b4d-4e8a-9c1f-2d3e4f5a6b7c'],
  ['upper-case prose', 'PLEASE UPDATE MY DISPLAY NAME TO AMELIA HART-JONES'],
  ['a URL', 'See https://portal.aidial.example/settings/profile?tab=2'],
];

describe('findSecretShapes', () => {
  it.each(SECRETS)('finds %s', (_name, text, kind) => {
    expect(findSecretShapes(text)).toContain(kind);
  });

  it.each(HARMLESS)('accepts %s', (_name, text) => {
    expect(findSecretShapes(text)).toEqual([]);
  });

  it('names each kind once, in a fixed order', () => {
    expect(findSecretShapes(`code 123456 and ${JWT} and code 654321`)).toEqual(['jwt', 'one_time_code']);
  });
});
