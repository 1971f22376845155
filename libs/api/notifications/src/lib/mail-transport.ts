import type { SmtpSettings } from '@aidial/api/core';
import { type Transporter, createTransport } from 'nodemailer';

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** The one place that speaks SMTP: nodemailer over the configured relay, TLS as SMTP_TLS says. */
export class MailTransport {
  private readonly transporter: Transporter;

  constructor(private readonly smtp: SmtpSettings) {
    this.transporter = createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.tls === 'implicit',
      requireTLS: smtp.tls === 'starttls',
      ignoreTLS: smtp.tls === 'none',
      ...(smtp.user !== null && smtp.password !== null ? { auth: { user: smtp.user, pass: smtp.password } } : {}),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail({ from: this.smtp.from, to: mail.to, subject: mail.subject, text: mail.text });
  }

  close(): void {
    this.transporter.close();
  }
}
