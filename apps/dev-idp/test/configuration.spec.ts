import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDevIdp } from '@aidial/stand-ins/testing';

const MAIN = resolve(__dirname, '../src/main.ts');

describe('configuration', () => {
  let directory: string;

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'dev-idp-config-'));
  });

  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('writes a new signing key to DEV_IDP_KEYS_FILE and signs with the same key after a restart', async () => {
    const keysFile = join(directory, 'keys.json');
    const kidServedBy = async (issuer: string) =>
      ((await (await fetch(new URL('/oauth/v2/keys', issuer))).json()) as { keys: { kid: string }[] }).keys[0].kid;

    const first = await startDevIdp({ DEV_IDP_KEYS_FILE: keysFile });
    const firstKid = await kidServedBy(first.issuer);
    await first.stop();
    const second = await startDevIdp({ DEV_IDP_KEYS_FILE: keysFile });
    const secondKid = await kidServedBy(second.issuer);
    await second.stop();

    expect(secondKid).toBe(firstKid);
    expect((JSON.parse(readFileSync(keysFile, 'utf8')) as { keys: { kid: string }[] }).keys[0].kid).toBe(firstKid);
  });

  it('refuses to start on a bad value, naming each setting at fault', () => {
    const result = spawnSync(process.execPath, [MAIN, '--port', 'eighty', '--issuer', 'http://localhost:4011/idp'], {
      env: {
        ...process.env,
        DEV_IDP_SMS_FACTOR_FAULT: 'not_configured',
        DEV_IDP_SMS_PROVIDER: 'twilio',
        DEV_IDP_LOGIN_UI: 'v3',
        DEV_IDP_ORG_SERVICE_TOKENS: 'no-organisation',
      },
      encoding: 'utf8',
      timeout: 20_000,
    });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DEV_IDP_PORT (--port) must be an integer');
    expect(result.stderr).toContain('DEV_IDP_ISSUER (--issuer) must be an origin');
    expect(result.stderr).toContain(
      'DEV_IDP_SMS_FACTOR_FAULT (--sms-factor-fault) must be one of `none`, `unavailable`, `delivery_failed`, `carrier_blocked`',
    );
    expect(result.stderr).toContain(
      'DEV_IDP_SMS_PROVIDER (--sms-provider) must be one of `active`, `inactive`, `none`',
    );
    expect(result.stderr).toContain('DEV_IDP_LOGIN_UI (--login-ui) must be one of `v2`, `v1`');
    expect(result.stderr).toContain('`no-organisation` is not <token>@<organisation id>');
  });

  it('refuses an org service token for an organisation the seed does not have', () => {
    const result = spawnSync(process.execPath, [MAIN, '--port', '0', '--org-service-tokens', 'token@123'], {
      encoding: 'utf8',
      timeout: 20_000,
    });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DEV_IDP_ORG_SERVICE_TOKENS names organisations the seed does not have: 123');
  });

  it('starts with the SMS provider state and fault mode from DEV_IDP_SMS_PROVIDER and DEV_IDP_SMS_FACTOR_FAULT', async () => {
    const idp = await startDevIdp({ DEV_IDP_SMS_FACTOR_FAULT: 'carrier_blocked', DEV_IDP_SMS_PROVIDER: 'inactive' });
    const faults = await (await fetch(new URL('/dev/faults', idp.issuer))).json();
    await idp.stop();

    expect(faults).toMatchObject({ smsFactor: 'carrier_blocked', smsProvider: 'inactive' });
  });

  it('refuses an unknown argument', () => {
    const result = spawnSync(process.execPath, [MAIN, '--prot', '4011'], { encoding: 'utf8', timeout: 20_000 });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('unknown argument --prot');
  });
});
