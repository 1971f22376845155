import { Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { ROLES } from '@aidial/shared/access';
import { confirmWith } from './confirm-dialog';
import { ROLE_ABILITIES, roleChangeConfirmation, roleChangedMessage, roleWithArticle } from './role-change';

/** A role code as the API spells it: never in words a person reads. */
const ROLE_CODE = /\b(?:client|partner|aidial)_[a-z]+\b|billing_clerk/;

describe('role change wording', () => {
  it('names the person, the current role and the new one in words, and what the new role allows', () => {
    expect(
      roleChangeConfirmation({
        person: 'Ben Ortiz',
        organisation: 'Acme Health',
        from: 'client_staff',
        to: 'client_admin',
      }),
    ).toEqual({
      title: 'Make Ben Ortiz a Client Administrator?',
      message:
        'Ben Ortiz is Client Staff now. As a Client Administrator they will be able to invite, change, remove and sign ' +
        'out members of the team, and open Billing, Compliance administration and the Audit Log. They are signed out ' +
        'of Acme Health at once and sign in again with the new role.',
      confirm: 'Make Client Administrator',
    });
  });

  it('says that a role the portal does not recognise leaves the person unable to use it, never its code', () => {
    const confirmation = roleChangeConfirmation({
      person: 'Ben Carter',
      organisation: 'Acme Health',
      from: 'billing_clerk',
      to: 'client_staff',
    });
    expect(confirmation.title).toBe('Make Ben Carter Client Staff?');
    expect(confirmation.message).toMatch(/^Ben Carter's current role is not one the portal recognises/);
    expect(JSON.stringify(confirmation)).not.toMatch(ROLE_CODE);
  });

  it('words every change between the seven roles without a role code', () => {
    for (const from of ROLES) {
      for (const to of ROLES) {
        const words = JSON.stringify([
          roleChangeConfirmation({ person: 'Ava', organisation: 'Acme Health', from, to }),
          roleChangedMessage({ person: 'Ava', organisation: 'Acme Health', to }),
        ]);
        expect([from, to, words]).not.toEqual([from, to, expect.stringMatching(ROLE_CODE)]);
      }
    }
  });

  it('describes every role, with an article where English wants one', () => {
    for (const role of ROLES) expect(ROLE_ABILITIES[role].length).toBeGreaterThan(20);
    expect(roleWithArticle('client_manager')).toBe('a Client Manager');
    expect(roleWithArticle('client_staff')).toBe('Client Staff');
    expect(roleWithArticle('aidial_operator')).toBe('an AiDial Operator');
  });

  it('says what changed once it has', () => {
    expect(roleChangedMessage({ person: 'Ben Ortiz', organisation: 'Acme Health', to: 'client_manager' })).toBe(
      'Ben Ortiz is now a Client Manager in Acme Health. Any sessions they had there ended.',
    );
  });
});

@Component({ template: '' })
class Host {
  readonly dialog = inject(MatDialog);
}

describe('confirmWith', () => {
  afterEach(() => document.querySelector('.cdk-overlay-container')?.replaceChildren());

  async function open(destructive: boolean) {
    TestBed.configureTestingModule({
      providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    const fixture = TestBed.createComponent(Host);
    const answer = confirmWith(fixture.componentInstance.dialog, {
      title: 'Suspend Acme Health?',
      message: 'Its members are signed out.',
      confirm: 'Suspend tenant',
      destructive,
    });
    // The dialog's code loads on first use, then it opens.
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    await fixture.whenStable();
    const overlay = document.querySelector('.cdk-overlay-container') as HTMLElement;
    const buttons = [...overlay.querySelectorAll<HTMLButtonElement>('mat-dialog-actions button')];
    return { answer, buttons, overlay, fixture };
  }

  it('styles the confirming button of a destructive change in the error colour, and resolves true on it', async () => {
    const { answer, buttons, fixture } = await open(true);
    expect(buttons.map((button) => button.textContent?.trim())).toEqual(['Cancel', 'Suspend tenant']);
    const confirm = buttons[1] as HTMLButtonElement;
    expect(confirm.classList).toContain('aidial-destructive');
    expect(confirm.style.getPropertyValue('--mat-button-filled-container-color')).toBe('var(--mat-sys-error)');
    confirm.click();
    fixture.detectChanges();
    expect(await answer).toBe(true);
  });

  it('keeps the primary colour for a change that takes nothing away, and resolves false on Cancel', async () => {
    const { answer, buttons, fixture, overlay } = await open(false);
    expect(overlay.querySelector('[role="alertdialog"]')).not.toBeNull();
    expect(buttons[1]?.classList).not.toContain('aidial-destructive');
    buttons[0]?.click();
    fixture.detectChanges();
    expect(await answer).toBe(false);
  });
});
