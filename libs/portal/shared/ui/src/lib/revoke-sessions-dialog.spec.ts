import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { askForRevocationNote, sessionsEndedMessage } from './revoke-sessions-dialog';

describe('askForRevocationNote', () => {
  const overlay = () => document.querySelector('.cdk-overlay-container') as HTMLElement;
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  };
  let answer: Promise<string | null>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    answer = askForRevocationNote(TestBed.inject(MatDialog), {
      title: 'Sign out all sessions of Jack Wilson?',
      message: 'Jack Wilson is signed out everywhere.',
      confirm: 'Sign out all sessions',
    });
    await settle();
  });

  afterEach(() => document.querySelector('.cdk-overlay-container')?.replaceChildren());

  function type(text: string) {
    const note = overlay().querySelector('textarea') as HTMLTextAreaElement;
    note.value = text;
    note.dispatchEvent(new Event('input'));
  }
  const submit = () => overlay().querySelector('form')?.dispatchEvent(new Event('submit'));

  it('requires a note that is not only spaces', async () => {
    type('   ');
    submit();
    await settle();
    expect(overlay().querySelector('mat-error')?.textContent?.trim()).toBe('Enter a reason.');
    expect(overlay().querySelector('h2')?.textContent).toBe('Sign out all sessions of Jack Wilson?');
  });

  it('counts the characters against the 500 allowed and refuses more', async () => {
    expect(overlay().querySelector('textarea')?.getAttribute('maxlength')).toBe('500');
    type('Lost laptop.');
    await settle();
    expect(overlay().textContent).toContain('12 / 500');
    type('x'.repeat(501));
    submit();
    await settle();
    expect(overlay().querySelector('mat-error')?.textContent?.trim()).toBe('Use at most 500 characters.');
  });

  it('resolves with the trimmed note', async () => {
    type('  Lost laptop.  ');
    submit();
    expect(await answer).toBe('Lost laptop.');
  });

  it('styles the confirming button as destructive: it ends other people’s sessions', () => {
    const confirm = overlay().querySelector('button[type="submit"]');
    expect(confirm?.textContent?.trim()).toBe('Sign out all sessions');
    expect(confirm?.classList).toContain('aidial-destructive');
  });

  it('resolves with null when cancelled', async () => {
    [...overlay().querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Cancel')?.click();
    expect(await answer).toBeNull();
  });
});

describe('sessionsEndedMessage', () => {
  it.each([
    [0, '0 sessions ended.'],
    [1, '1 session ended.'],
    [3, '3 sessions ended.'],
  ])('%i reads "%s"', (count, words) => {
    expect(sessionsEndedMessage(count)).toBe(words);
  });
});
