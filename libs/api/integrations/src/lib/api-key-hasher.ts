import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The only thing stored of a key's secret: HMAC-SHA-256 keyed with the server's pepper (API_KEY_PEPPER). A database
 * dump alone cannot confirm a guess, and checking a key costs about a microsecond (never a password hash: the secret
 * has ~238 bits, nothing to slow down).
 */
export class ApiKeyHasher {
  /** Compared against when no key row was found, so unknown and wrong keys take the same work. */
  private readonly decoy: Buffer;

  constructor(private readonly pepper: string) {
    this.decoy = this.hash('no-such-key');
  }

  hash(secret: string): Buffer {
    return createHmac('sha256', this.pepper).update(secret, 'utf8').digest();
  }

  /** Constant-time comparison of the secret's HMAC with the stored one; a missing row compares against a decoy. */
  matches(secret: string, stored: Buffer | null): boolean {
    const computed = this.hash(secret);
    const expected = stored && stored.length === computed.length ? stored : this.decoy;
    return timingSafeEqual(computed, expected) && expected !== this.decoy;
  }
}
