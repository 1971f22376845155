import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@aidial/api/core';
import { DataSource } from 'typeorm';
import { SessionStore } from '@aidial/api/sessions';
import { SIGN_IN_ATTEMPT_RETENTION_MINUTES, SignInAttemptRepository } from '../sign-in-attempt.repository';

export interface SessionCleanupCounts {
  /** Live sessions past their idle or absolute expiry, now recorded as ended (`idle_timeout` / `absolute_timeout`). */
  readonly expired: number;
  /** Ended sessions older than SESSION_HISTORY_DAYS, deleted. */
  readonly deleted: number;
  /** Sign-in attempts older than an hour, deleted. */
  readonly attemptsDeleted: number;
}

/**
 * The session cleanup job. Every SESSION_CLEANUP_INTERVAL_MINUTES (15) it
 * (a) records live sessions past their idle or absolute expiry as ended, with that reason, at that expiry time, and
 *     wipes their tokens (authentication already refuses them; this makes the row and the history say so),
 * (b) deletes ended sessions older than SESSION_HISTORY_DAYS (90) — the user's history retention,
 * (c) deletes sign-in attempts older than an hour.
 * Every API instance runs the timer. Each statement is idempotent, and a run takes a transaction-scoped advisory lock
 * first, so when several instances fire at once one does the work and the others skip. The first run is one interval
 * after start, so a restart loop cannot hammer the table. Logs counts only.
 */
@Injectable()
export class SessionCleanup implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SessionCleanup');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SessionCleanupCounts | null> | null = null;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly sessions: SessionStore,
    private readonly attempts: SignInAttemptRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runSafely(), this.config.sessionCleanupIntervalMinutes * 60_000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** One run; null when another instance holds the lock right now (it does the same work). */
  async run(historyDays = this.config.sessionHistoryDays): Promise<SessionCleanupCounts | null> {
    return this.dataSource.transaction(async (manager) => {
      const swept = await this.sessions.sweep(manager, historyDays);
      if (!swept) return null;
      const attemptsDeleted = await this.attempts.deleteOlderThan(SIGN_IN_ATTEMPT_RETENTION_MINUTES, manager);
      return { ...swept, attemptsDeleted };
    });
  }

  private async runSafely(): Promise<void> {
    if (this.running || !this.dataSource.isInitialized) return;
    this.running = this.run();
    try {
      const counts = await this.running;
      if (counts)
        this.logger.log({ event: 'session.cleanup', ...counts, history_days: this.config.sessionHistoryDays });
    } catch (error) {
      this.logger.warn({ event: 'session.cleanup_failed', err: error });
    } finally {
      this.running = null;
    }
  }
}
