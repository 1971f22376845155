import { randomUUID } from 'node:crypto';
import type { Clock } from './directory.ts';

export interface SmsMessage {
  readonly id: string;
  readonly to: string;
  readonly text: string;
  /** The one-time code inside `text`, separately so tests and demos need not parse the sentence. */
  readonly code: string;
  readonly purpose: 'sign-in' | 'phone-verification';
  readonly sentAt: Date;
}

/** Stands in for the SMS provider: every text "sent" lands here and is listed at /dev/outbox. */
export class SmsOutbox {
  private readonly messages: SmsMessage[] = [];
  private readonly clock: Clock;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  send(to: string, purpose: SmsMessage['purpose'], code: string, ttlSeconds: number): SmsMessage {
    const minutes = Math.max(1, Math.round(ttlSeconds / 60));
    const text =
      purpose === 'sign-in'
        ? `${code} is your AiDial sign-in code. It expires in ${minutes} minute${minutes === 1 ? '' : 's'}. Never share it.`
        : `${code} is your AiDial code to verify this phone number. It expires in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
    const message: SmsMessage = { id: randomUUID(), to, text, code, purpose, sentAt: new Date(this.clock()) };
    this.messages.push(message);
    return message;
  }

  /** Newest first. */
  list(to?: string): SmsMessage[] {
    return this.messages.filter((message) => to === undefined || message.to === to).reverse();
  }

  clear(): void {
    this.messages.length = 0;
  }
}
