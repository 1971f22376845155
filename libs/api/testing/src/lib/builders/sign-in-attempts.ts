import { randomBytes } from 'node:crypto';
import { IsNull, type DataSource } from 'typeorm';
import { SignInAttemptEntity } from '@aidial/api/auth';
import { type Interval, ago } from './database-time';

/** An authorization request started `age` ago and never finished; answers its state hash in hex. */
export async function aSignInAttempt(ds: DataSource, age: Interval = '0 seconds'): Promise<string> {
  const stateHash = randomBytes(32);
  await ds.getRepository(SignInAttemptEntity).insert({
    stateHash,
    browserHash: randomBytes(32),
    nonce: 'nonce',
    codeVerifier: 'verifier',
    returnTo: '/',
    createdAt: ago(age),
  });
  return stateHash.toString('hex');
}

/** Makes every unfinished authorization request `age` old, as if the browser had waited that long at the provider. */
export async function ageSignInAttempts(ds: DataSource, age: Interval): Promise<void> {
  await ds.getRepository(SignInAttemptEntity).update({ consumedAt: IsNull() }, { createdAt: ago(age) });
}
