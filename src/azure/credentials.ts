// Credentials for the Azure SDK. The CLI signs in through the Azure CLI by default; the other
// kinds are chosen explicitly, so nothing probes the managed-identity endpoint unless asked.
// Tokens are never logged or put in messages.
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';

export const AUTH_KINDS = ['cli', 'env', 'device-code', 'managed-identity'] as const;
export type AuthKind = (typeof AUTH_KINDS)[number];

export function isAuthKind(value: string): value is AuthKind {
  return (AUTH_KINDS as readonly string[]).includes(value);
}

export interface CredentialOptions {
  /** Where device-code sign-in prints its instructions (stderr in the CLI). */
  prompt?: (message: string) => void;
  /** Managed identity: a user-assigned identity's client id. */
  managedIdentityClientId?: string;
}

/** Loads @azure/identity only when a credential is actually needed. */
export async function createCredential(kind: AuthKind, options: CredentialOptions = {}): Promise<TokenCredential> {
  const identity = await import('@azure/identity');
  switch (kind) {
    case 'cli':
      return new identity.AzureCliCredential();
    case 'env':
      return new identity.EnvironmentCredential();
    case 'device-code':
      return new identity.DeviceCodeCredential({
        userPromptCallback: (info) => (options.prompt ?? ((m: string) => process.stderr.write(`${m}\n`)))(info.message),
      });
    case 'managed-identity':
      return options.managedIdentityClientId !== undefined
        ? new identity.ManagedIdentityCredential({ clientId: options.managedIdentityClientId })
        : new identity.ManagedIdentityCredential();
  }
}

/** The shape of VS Code's authentication session, reduced to what a token request needs. */
export type TokenProvider = (scopes: string[], signal?: AbortSignal) => Promise<{ token: string; expiresOnTimestamp: number }>;

/**
 * Turns a token function (the extension passes one backed by VS Code's Microsoft sign-in) into a
 * TokenCredential the SDK clients accept.
 */
export function credentialFromTokenProvider(provider: TokenProvider): TokenCredential {
  return {
    async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
      const list = Array.isArray(scopes) ? scopes : [scopes];
      const { token, expiresOnTimestamp } = await provider(list, options?.abortSignal as AbortSignal | undefined);
      return { token, expiresOnTimestamp };
    },
  };
}

/** A fixed token, for tests against the local fake ARM. */
export function staticTokenCredential(token: string, lifetimeMs = 60 * 60 * 1000): TokenCredential {
  return credentialFromTokenProvider(async () => ({ token, expiresOnTimestamp: Date.now() + lifetimeMs }));
}
