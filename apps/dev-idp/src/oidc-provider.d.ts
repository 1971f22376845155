// oidc-provider 9 ships no type declarations. These cover only what the dev-idp uses; the package's own
// documentation (docs/README.md in the package) is the reference for the shapes.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  /** The part of Koa's context the dev-idp touches (oidc-provider's app is a Koa 3 application). */
  export interface KoaContext {
    readonly req: IncomingMessage;
    readonly res: ServerResponse;
    readonly method: string;
    readonly path: string;
    readonly query: Record<string, string | string[] | undefined>;
    querystring: string;
    readonly href: string;
    readonly secure: boolean;
    status: number;
    body: unknown;
    type: string;
    respond: boolean;
    get(header: string): string;
    set(header: string, value: string | string[]): void;
    redirect(url: string): void;
    cookies: {
      get(name: string, options?: { signed?: boolean }): string | undefined;
      set(name: string, value: string | null, options?: Record<string, unknown>): void;
    };
    /** Present on oidc-provider's own routes only. */
    readonly oidc?: OidcContext;
  }

  export type Next = () => Promise<void>;
  export type Middleware = (ctx: KoaContext, next: Next) => Promise<void>;

  export interface OidcSession {
    readonly uid: string;
    readonly jti: string;
    accountId?: string;
    loginTs?: number;
    amr?: string[];
    authorizations?: Record<string, { sid?: string; grantId?: string }>;
    grantIdFor(clientId: string): string | undefined;
    sidFor(clientId: string): string | undefined;
  }

  export interface OidcClient {
    readonly clientId: string;
  }

  export interface OidcContext {
    readonly session: OidcSession;
    readonly client?: OidcClient;
    readonly account?: { accountId: string };
    readonly requestParamOIDCScopes: Set<string>;
    readonly requestParamClaims: Set<string>;
    readonly result?: { consent?: { grantId?: string } };
    readonly entities: {
      readonly AuthorizationCode?: AuthorizationCodeEntity;
      readonly Client?: OidcClient;
    };
    readonly provider: Provider;
  }

  export interface AuthorizationCodeEntity {
    readonly accountId: string;
    readonly authTime?: number;
    readonly sid?: string;
    readonly sessionUid?: string;
  }

  export interface Grant {
    readonly jti: string;
    readonly accountId: string;
    readonly clientId: string;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    save(): Promise<string>;
  }

  export interface GrantConstructor {
    new (properties: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  }

  export interface InteractionDetails {
    readonly uid: string;
    readonly returnTo: string;
    readonly prompt: { name: string; reasons: string[]; details: Record<string, unknown> };
    readonly params: Record<string, string | undefined>;
    readonly session?: { accountId: string; uid?: string };
    readonly grantId?: string;
  }

  export interface LoginResult {
    login?: { accountId: string; amr?: string[]; acr?: string; ts?: number; remember?: boolean };
    consent?: { grantId?: string };
  }

  export interface ErrorResult {
    error: string;
    error_description?: string;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): Promise<Record<string, unknown>>;
  }

  export type Configuration = Record<string, unknown>;

  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    readonly issuer: string;
    proxy: boolean;
    readonly Grant: GrantConstructor;
    readonly Client: { readonly prototype: object };
    readonly Session: { get(ctx: KoaContext): Promise<OidcSession> };
    use(middleware: Middleware): this;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    on(event: string, listener: (...args: never[]) => void): this;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: LoginResult | ErrorResult,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
  }
}
