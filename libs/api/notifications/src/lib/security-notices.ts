import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@aidial/api/core';
import type { EntityManager } from 'typeorm';
import { type NoticeRecipient, type SecurityNotice, renderNotice } from './notice-text';
import { SecurityNoticeRepository } from './security-notice.repository';

/**
 * Security notices by e-mail (docs/operators.md, "Security notices"). `send` writes the notice to the outbox inside the
 * transaction of the change it tells about, so the person's action never waits for, or fails because of, the mail
 * relay, and a committed change never loses its notice; `NoticeDelivery` e-mails it afterwards. With SMTP off (no
 * SMTP_HOST) nothing is written: the API said so at boot.
 */
@Injectable()
export class SecurityNotices {
  constructor(
    private readonly outbox: SecurityNoticeRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get enabled(): boolean {
    return this.config.smtp !== null;
  }

  /** One notice to each recipient with an address (people without one are skipped). */
  async send(
    notice: SecurityNotice,
    recipients: readonly (NoticeRecipient | { readonly email: string | null; readonly name: string | null })[],
    manager?: EntityManager,
  ): Promise<void> {
    if (!this.enabled) return;
    const seen = new Set<string>();
    const rendered = recipients.flatMap((recipient) => {
      const email = recipient.email?.trim();
      if (!email || seen.has(email.toLowerCase())) return [];
      seen.add(email.toLowerCase());
      const text = renderNotice(notice, { email, name: recipient.name }, this.config.publicUrl);
      return [{ kind: notice.kind, recipient: email, ...text }];
    });
    await this.outbox.insert(manager, rendered);
  }
}
