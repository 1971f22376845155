import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SMS_PRIVACY_NOTICE, SmsFactorCard, type SmsFactorEnrolment } from './sms-factor-card';

const textOf = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

@Component({
  imports: [SmsFactorCard],
  template: `<aidial-mfa-sms-factor-card
    [enrolled]="enrolled()"
    [enrolment]="enrolment()"
    (enrol)="sent.push($event)"
  />`,
})
class Host {
  readonly enrolled = signal(false);
  readonly enrolment = signal<SmsFactorEnrolment>({ kind: 'idle' });
  readonly sent: string[] = [];
}

async function render(enrolled = false) {
  const fixture = TestBed.createComponent(Host);
  fixture.componentInstance.enrolled.set(enrolled);
  await fixture.whenStable();
  const card = fixture.nativeElement as HTMLElement;
  const input = () => card.querySelector<HTMLInputElement>('input[type="tel"]');
  const submit = () => card.querySelector<HTMLButtonElement>('button[type="submit"]');
  const answer = async (enrolment: SmsFactorEnrolment) => {
    fixture.componentInstance.enrolment.set(enrolment);
    await fixture.whenStable();
  };
  const type = async (value: string) => {
    const field = input();
    if (!field) throw new Error('no phone field');
    field.value = value;
    field.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };
  return { fixture, card, input, submit, answer, type, host: fixture.componentInstance };
}

describe('SmsFactorCard', () => {
  it('shows the APP-5 privacy notice word for word before asking for an Australian mobile', async () => {
    const { card, input, submit } = await render();
    expect(textOf(card)).toContain(SMS_PRIVACY_NOTICE);
    expect(SMS_PRIVACY_NOTICE).toBe(
      'By enrolling SMS one-time code, you consent to AiDial Pty Ltd disclosing your mobile number to Twilio Inc. (United States) — our authentication SMS sub-processor — for the sole purpose of delivering security codes. Twilio handles this data outside Australia. You may withdraw consent by removing SMS one-time code through the identity-provider management flow launched from Settings when available.',
    );
    const field = input();
    expect(field?.type).toBe('tel');
    const label = card.querySelector(`label[for="${field?.id}"]`);
    expect(textOf(label)).toContain('Australian mobile number');
    const hint = card.querySelector('mat-hint');
    expect(textOf(hint)).toBe('For example 0412 345 678');
    expect(field?.getAttribute('aria-describedby')).toContain(hint?.id);
    expect(textOf(submit())).toBe('Set up SMS codes');
  });

  it('sends the number exactly as typed', async () => {
    const { host, type, submit, fixture } = await render();
    await type('0412 345 678');
    submit()?.click();
    await fixture.whenStable();
    expect(host.sent).toEqual(['0412 345 678']);
  });

  it('asks for a number instead of sending an empty field, and focuses the field', async () => {
    const { host, submit, input, card, fixture } = await render();
    submit()?.click();
    await fixture.whenStable();
    expect(host.sent).toEqual([]);
    const error = card.querySelector('mat-error');
    expect(textOf(error)).toBe('Enter your Australian mobile number.');
    expect(input()?.getAttribute('aria-describedby')).toContain(error?.id);
    expect(document.activeElement).toBe(input());
  });

  it('disables the button while the number is being sent', async () => {
    const { answer, submit } = await render();
    await answer({ kind: 'sending' });
    expect(submit()?.disabled).toBe(true);
    await answer({ kind: 'idle' });
    expect(submit()?.disabled).toBe(false);
  });

  it('shows only the masked tail once set up, points at Refresh security status and empties the field', async () => {
    const { card, type, answer, input } = await render();
    await type('0412 345 678');
    await answer({ kind: 'enrolled', phoneTail: '+61 ... 678' });
    const status = card.querySelector('[role="status"]');
    expect(textOf(status)).toContain('SMS one-time codes are set up for +61 ... 678.');
    expect(textOf(status)).toContain('at your next sign-in');
    // ZITADEL sends nothing at enrolment: a refused delivery can only show at that sign-in, so the card says what then.
    expect(textOf(status)).toContain('If the code does not arrive');
    expect(textOf(status)).toContain('Refresh security status');
    expect(card.querySelector('form')).toBeNull();
    // The number left the form control too: a form shown again starts empty.
    await answer({ kind: 'idle' });
    expect(input()?.value).toBe('');
  });

  it('says SMS codes are set up, with no form, when the provider already lists the factor', async () => {
    const { card } = await render(true);
    expect(textOf(card)).toContain('SMS one-time codes are set up for your account.');
    expect(textOf(card)).toContain("identity provider's MFA management");
    expect(card.querySelector('form')).toBeNull();
    expect(textOf(card)).not.toContain(SMS_PRIVACY_NOTICE);
  });

  it('shows a validation message under the field, described by it, and focuses the field', async () => {
    const { card, type, answer, input } = await render();
    await type('0412');
    await answer({
      kind: 'refused',
      message: 'Check the highlighted fields.',
      requestId: 'req-1',
      phoneError: 'Enter a mobile number',
    });
    const error = card.querySelector('mat-error');
    expect(textOf(error)).toBe('Enter a mobile number');
    expect(input()?.getAttribute('aria-describedby')).toContain(error?.id);
    expect(input()?.getAttribute('aria-invalid')).toBe('true');
    expect(card.querySelector('aidial-error-notice')).toBeNull();
    expect(document.activeElement).toBe(input());
  });

  it('shows any other refusal as an alert with its request id, and focuses it', async () => {
    const { card, type, answer } = await render();
    await type('+44 7700 900123');
    await answer({
      kind: 'refused',
      message: 'Only Australian phone numbers are supported',
      requestId: 'req-2',
      phoneError: null,
    });
    const alert = card.querySelector('aidial-error-notice [role="alert"]');
    expect(textOf(alert?.querySelector('.message') ?? null)).toBe('Only Australian phone numbers are supported');
    expect(alert?.querySelector('details code')?.textContent).toBe('req-2');
    expect(document.activeElement).toBe(card.querySelector('aidial-error-notice'));
  });

  it('writes nothing to browser storage', async () => {
    const setItem = jest.spyOn(Storage.prototype, 'setItem');
    try {
      const { type, submit, answer, fixture } = await render();
      await type('0412 345 678');
      submit()?.click();
      await fixture.whenStable();
      await answer({ kind: 'sending' });
      await answer({ kind: 'enrolled', phoneTail: '+61 ... 678' });
      expect(setItem).not.toHaveBeenCalled();
    } finally {
      setItem.mockRestore();
    }
  });
});
