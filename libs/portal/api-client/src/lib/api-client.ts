import { HttpClient } from '@angular/common/http';
import { InjectionToken, inject, type Provider } from '@angular/core';
import { type Client, createClient, createConfig } from '../generated/client';

/**
 * The generated client bound to the application's own HttpClient (so its interceptors apply). Stores pass it to the
 * generated operations: `getReadiness({ client: inject(API_CLIENT) })`.
 */
export const API_CLIENT = new InjectionToken<Client>('API_CLIENT');

/** `baseUrl: ''` sends every request to the portal's own origin, where the API serves it. */
export function provideApiClient(options: { baseUrl: string }): Provider {
  return {
    provide: API_CLIENT,
    useFactory: () => createClient(createConfig({ baseUrl: options.baseUrl, httpClient: inject(HttpClient) })),
  };
}
