// oidc-provider ships without type declarations; these cover only what the bundled test IdP uses.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface ProviderContext {
    oidc: {
      client?: { clientId: string };
      session?: {
        accountId?: string;
        grantIdFor(clientId: string): string | undefined;
        /** Set by the end_session endpoint before logoutSource runs. */
        state?: { secret?: string; postLogoutRedirectUri?: string };
      };
      /** Validated request entities; IdTokenHint when the logout request carried an id_token_hint. */
      entities?: { IdTokenHint?: { payload: { sub?: string } } };
      result?: { consent?: { grantId?: string } };
    };
    cookies: { get(name: string, options?: { signed?: boolean }): string | undefined };
    get(header: string): string;
    type: string;
    body: unknown;
    status: number;
    redirect(url: string): void;
  }

  export interface Interaction {
    uid: string;
    prompt: { name: string; reasons: string[] };
    params: Record<string, unknown>;
    session?: { accountId?: string };
  }

  export interface Grant {
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }

  export interface Account {
    accountId: string;
    claims(): Promise<Record<string, unknown>>;
  }

  export class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    proxy: boolean;
    readonly issuer: string;
    Grant: {
      new (properties: { clientId: string; accountId: string }): Grant;
      find(id: string): Promise<Grant | undefined>;
    };
    Session: { get(ctx: unknown): Promise<{ accountId?: string }> };
    /** The underlying Koa application (oidc-provider 8). */
    readonly app: { createContext(req: IncomingMessage, res: ServerResponse): unknown };
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionResult(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<string>;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  export interface Policy extends Array<unknown> {
    remove(name: string): void;
  }

  export const interactionPolicy: { base(): Policy };
  export const errors: Record<string, new (...args: unknown[]) => Error>;
  export default Provider;
}
