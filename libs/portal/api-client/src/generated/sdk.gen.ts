// Generated from apps/api/openapi.json by tools/openapi/generate-client.mjs. Do not edit by hand.

import type { Client, Options as Options2, TDataShape } from './client';
import { client } from './client.gen';
import type { GetLivenessData, GetLivenessErrors, GetLivenessResponses, GetReadinessData, GetReadinessErrors, GetReadinessResponses, GetSessionData, GetSessionErrors, GetSessionResponses, LogoutData, LogoutErrors, LogoutResponses, StartSignInData, StartSignInErrors, StartSignInResponses } from './types.gen';

export type Options<TData extends TDataShape = TDataShape, ThrowOnError extends boolean = boolean, TResponse = unknown> = Options2<TData, ThrowOnError, TResponse> & {
    /**
     * You can provide a client instance returned by `createClient()` instead of
     * individual options. This might be also useful if you want to implement a
     * custom client.
     */
    client?: Client;
    /**
     * You can pass arbitrary values through the `meta` object. This can be
     * used to access values that aren't defined as part of the SDK function.
     */
    meta?: Record<string, unknown>;
};

/**
 * The process is up and answering.
 */
export const getLiveness = <ThrowOnError extends boolean = false>(options?: Options<GetLivenessData, ThrowOnError>) => (options?.client ?? client).get<GetLivenessResponses, GetLivenessErrors, ThrowOnError>({ url: '/health/live', ...options });

/**
 * The API can serve traffic: PostgreSQL answers.
 */
export const getReadiness = <ThrowOnError extends boolean = false>(options?: Options<GetReadinessData, ThrowOnError>) => (options?.client ?? client).get<GetReadinessResponses, GetReadinessErrors, ThrowOnError>({ url: '/health/ready', ...options });

/**
 * Start signing in at the identity provider.
 *
 * With `Accept: application/json` answers the provider URL to navigate to; otherwise redirects there. Either way a short-lived HttpOnly cookie binds the attempt to this browser.
 */
export const startSignIn = <ThrowOnError extends boolean = false>(options: Options<StartSignInData, ThrowOnError>) => (options.client ?? client).get<StartSignInResponses, StartSignInErrors, ThrowOnError>({ url: '/api/auth/login', ...options });

/**
 * Sign out: ends this session and answers where to end the identity provider's session.
 */
export const logout = <ThrowOnError extends boolean = false>(options?: Options<LogoutData, ThrowOnError>) => (options?.client ?? client).post<LogoutResponses, LogoutErrors, ThrowOnError>({ url: '/api/auth/logout', ...options });

/**
 * The signed-in user, their role, tenant, client and project scope, resolved now from the database.
 */
export const getSession = <ThrowOnError extends boolean = false>(options?: Options<GetSessionData, ThrowOnError>) => (options?.client ?? client).get<GetSessionResponses, GetSessionErrors, ThrowOnError>({ url: '/api/session', ...options });
