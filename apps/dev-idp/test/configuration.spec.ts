import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDevIdp } from './support/dev-idp-process.ts';

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
      env: { ...process.env, DEV_IDP_SMS_FACTOR_FAULT: 'sometimes' },
      encoding: 'utf8',
      timeout: 20_000,
    });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DEV_IDP_PORT (--port) must be an integer');
    expect(result.stderr).toContain('DEV_IDP_ISSUER (--issuer) must be an origin');
    expect(result.stderr).toContain(
      'DEV_IDP_SMS_FACTOR_FAULT (--sms-factor-fault) must be one of `none`, `unavailable`, `not_configured`, `delivery_failed`, `carrier_blocked`',
    );
  });

  it('starts with an SMS fault mode from DEV_IDP_SMS_FACTOR_FAULT', async () => {
    const idp = await startDevIdp({ DEV_IDP_SMS_FACTOR_FAULT: 'carrier_blocked' });
    const faults = await (await fetch(new URL('/dev/faults', idp.issuer))).json();
    await idp.stop();

    expect(faults).toMatchObject({ smsFactor: 'carrier_blocked' });
  });

  it('refuses an unknown argument', () => {
    const result = spawnSync(process.execPath, [MAIN, '--prot', '4011'], { encoding: 'utf8', timeout: 20_000 });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('unknown argument --prot');
  });
});
