import { TestBed } from '@angular/core/testing';
import { ClientSelector } from './client-selector';

describe('ClientSelector', () => {
  it('is a labelled select showing the selected client', async () => {
    const fixture = TestBed.createComponent(ClientSelector);
    fixture.componentRef.setInput('clients', [
      { id: 'c-1', name: 'Acme Health', status: 'active' },
      { id: 'c-2', name: 'Coastal Realty', status: 'suspended' },
    ]);
    fixture.componentRef.setInput('selectedId', 'c-1');
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('mat-label')?.textContent).toBe('Client');
    expect(element.querySelector('.mat-mdc-select-value')?.textContent?.trim()).toBe('Acme Health');
  });
});
