import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@aidial/api/core';
import { DataSource } from 'typeorm';
import { AuditEventRepository } from './audit-event.repository';

/**
 * The retention job, the only deleter of audit rows: every AUDIT_RETENTION_INTERVAL_MINUTES (60) it calls
 * `audit_apply_retention(AUDIT_RETENTION_DAYS)` (400), which removes older rows chain by chain and keeps a checkpoint
 * for each, so verification still links the oldest remaining row. Every API instance runs the timer; the function lets
 * one run at a time. The first run is one interval after start, so a restart loop cannot hammer the table.
 */
@Injectable()
export class AuditRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditRetention');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly events: AuditEventRepository,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runSafely(), this.config.auditRetentionIntervalMinutes * 60_000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Deletes events older than the retention; returns how many. */
  async run(retentionDays = this.config.auditRetentionDays): Promise<number> {
    return this.events.applyRetention(retentionDays);
  }

  private async runSafely(): Promise<void> {
    if (this.running || !this.dataSource.isInitialized) return;
    this.running = this.run();
    try {
      const removed = await this.running;
      if (removed > 0) this.logger.log({ event: 'audit.retention', removed, days: this.config.auditRetentionDays });
    } catch (error) {
      this.logger.warn({ event: 'audit.retention_failed', err: error });
    } finally {
      this.running = null;
    }
  }
}
