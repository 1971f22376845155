import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { SecurityNoticeEntity } from './security-notice.entity';

export interface RenderedNotice {
  readonly kind: string;
  readonly recipient: string;
  readonly subject: string;
  readonly body: string;
}

export type ClaimedNotice = RenderedNotice & { readonly id: string; readonly attempts: number };

/** How long a claimed notice is held by the worker that claimed it before another may try. */
const LEASE_SECONDS = 300;

/** The only place that reads and writes `security_notice`. */
@Injectable()
export class SecurityNoticeRepository {
  constructor(@InjectRepository(SecurityNoticeEntity) private readonly notices: Repository<SecurityNoticeEntity>) {}

  async insert(manager: EntityManager | undefined, notices: readonly RenderedNotice[]): Promise<void> {
    if (notices.length === 0) return;
    await (manager ? manager.withRepository(this.notices) : this.notices).insert(
      notices.map((notice) => ({ ...notice })),
    );
  }

  /**
   * Claims up to `limit` due notices for this worker and leases them. Raw SQL: one atomic UPDATE … RETURNING over
   * `FOR UPDATE SKIP LOCKED`, so two instances never claim the same notice.
   */
  async claimDue(limit: number): Promise<ClaimedNotice[]> {
    const [rows] = await this.notices.query<[ClaimedNotice[], number]>(
      `UPDATE security_notice SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
        WHERE id IN (
          SELECT id FROM security_notice WHERE next_attempt_at <= now() ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id, kind, recipient, subject, body, attempts`,
      [limit, LEASE_SECONDS],
    );
    return rows;
  }

  async delete(id: string): Promise<void> {
    await this.notices.delete({ id });
  }

  async retryLater(id: string, delaySeconds: number, error: string): Promise<void> {
    await this.notices.query(
      `UPDATE security_notice SET next_attempt_at = now() + make_interval(secs => $2), last_error = $3 WHERE id = $1`,
      [id, delaySeconds, error.slice(0, 200)],
    );
  }
}
