import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@aidial/api/core';
import { MailTransport } from './mail-transport';
import { SecurityNoticeRepository } from './security-notice.repository';

/** Notices one run claims at most. */
const BATCH = 20;
/** After this many failed attempts (about a day with the back-off below) a notice is given up, with an error log. */
export const MAX_DELIVERY_ATTEMPTS = 12;

/** Seconds to wait after the n-th failed attempt: 30 s doubling, at most four hours. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(30 * 2 ** Math.max(0, attempts - 1), 4 * 60 * 60);
}

/**
 * The outbox worker, in every API instance: every NOTICE_DELIVERY_INTERVAL_SECONDS it claims due notices (two
 * instances never claim the same one), hands each to the relay, deletes it once accepted and retries later when not.
 * Logs never carry an address or a notice's text. Off, with one warning at boot, when SMTP is not configured.
 */
@Injectable()
export class NoticeDelivery implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SecurityNotices');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private transport: MailTransport | null = null;

  constructor(
    private readonly outbox: SecurityNoticeRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const smtp = this.config.smtp;
    if (!smtp) {
      this.logger.warn({ event: 'notices.disabled', reason: 'SMTP_HOST is not set: security notices are off' });
      return;
    }
    this.transport = new MailTransport(smtp);
    this.logger.log({ event: 'notices.enabled', host: smtp.host, port: smtp.port, tls: smtp.tls });
    this.timer = setInterval(() => void this.runOnce(), smtp.deliveryIntervalSeconds * 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
    this.transport?.close();
  }

  /** One run (never two at once in one process); failures are logged and the next interval tries again. */
  runOnce(): Promise<void> {
    if (!this.running) {
      this.running = this.deliverDue()
        .catch((error: unknown) => this.logger.error({ event: 'notices.run_failed', err: error }))
        .finally(() => (this.running = null));
    }
    return this.running;
  }

  private async deliverDue(): Promise<void> {
    const transport = this.transport;
    if (!transport) return;
    const due = await this.outbox.claimDue(BATCH);
    for (const notice of due) {
      try {
        await transport.send({ to: notice.recipient, subject: notice.subject, text: notice.body });
        await this.outbox.delete(notice.id);
        this.logger.log({ event: 'notices.sent', kind: notice.kind, notice: notice.id });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (notice.attempts >= MAX_DELIVERY_ATTEMPTS) {
          await this.outbox.delete(notice.id);
          this.logger.error({
            event: 'notices.given_up',
            kind: notice.kind,
            notice: notice.id,
            attempts: notice.attempts,
          });
        } else {
          await this.outbox.retryLater(notice.id, retryDelaySeconds(notice.attempts), reason);
          this.logger.warn({
            event: 'notices.send_failed',
            kind: notice.kind,
            notice: notice.id,
            attempts: notice.attempts,
          });
        }
      }
    }
  }
}
