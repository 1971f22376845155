import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatListItem, MatListItemIcon, MatNavList } from '@angular/material/list';
import { MatToolbar } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { PRODUCT_NAME } from '../portal-title.strategy';

/** The shell around every page: a header with the product name, the side navigation and the content area. */
@Component({
  selector: 'aidial-portal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatListItem, MatListItemIcon, MatNavList, MatToolbar, RouterLink, RouterLinkActive, RouterOutlet],
  templateUrl: './portal-layout.html',
  styleUrl: './portal-layout.scss',
})
export class PortalLayout {
  protected readonly productName = PRODUCT_NAME;

  /** A skip link must not change the URL: with `<base href="/">`, "#main-content" would mean "/#main-content". */
  protected skipToContent(event: Event, main: HTMLElement): void {
    event.preventDefault();
    main.focus();
  }
}
