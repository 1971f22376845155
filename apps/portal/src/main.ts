import { bootstrapApplication } from '@angular/platform-browser';
import { appConfig } from './app/app.config';
import { PortalLayout } from './app/layout/portal-layout';

bootstrapApplication(PortalLayout, appConfig).catch((error: unknown) => console.error(error));
