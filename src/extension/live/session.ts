// Sign-in through VS Code's built-in Microsoft authentication provider, the way
// @microsoft/vscode-azext-azureauth asks for sessions: the cloud's provider id, the management
// audience's `.default` scope (see sessionScopes for why), and `VSCODE_TENANT:<id>` when a
// tenant is chosen.
import * as vscode from 'vscode';
import { sessionScopes, type AzureCloud } from '../cloud';
import { configuredCloud } from '../settings';

const TENANT_KEY = 'bastionDoctor.tenantId';

export class AzureSignIn {
  constructor(private readonly state: vscode.Memento) {}

  get tenantId(): string | undefined {
    return this.state.get<string>(TENANT_KEY);
  }

  async setTenant(tenantId: string | undefined): Promise<void> {
    await this.state.update(TENANT_KEY, tenantId);
  }

  cloud(): AzureCloud {
    const result = configuredCloud();
    if (!result.ok) throw new Error(result.message);
    return result.cloud;
  }

  /** The existing session without any prompt, or undefined when the user has not signed in. */
  async silentSession(tenantId = this.tenantId): Promise<vscode.AuthenticationSession | undefined> {
    const cloud = this.cloud();
    return vscode.authentication.getSession(cloud.authProviderId, sessionScopes(cloud, tenantId), { silent: true });
  }

  /** Asks the user to sign in (or to consent) when needed. */
  async interactiveSession(tenantId = this.tenantId): Promise<vscode.AuthenticationSession> {
    const cloud = this.cloud();
    return vscode.authentication.getSession(cloud.authProviderId, sessionScopes(cloud, tenantId), { createIfNone: true });
  }

  /**
   * A session for another resource of the same cloud (Log Analytics): the existing one when there
   * is, else VS Code asks the user once. Only an explicit command (Deep Check) calls this.
   */
  async resourceSession(scope: string, tenantId = this.tenantId): Promise<vscode.AuthenticationSession> {
    const cloud = this.cloud();
    const scopes = [scope, ...(tenantId ? [`VSCODE_TENANT:${tenantId}`] : [])];
    return (await vscode.authentication.getSession(cloud.authProviderId, scopes, { silent: true }))
      ?? vscode.authentication.getSession(cloud.authProviderId, scopes, { createIfNone: true });
  }

  onDidChangeSessions(listener: () => void): vscode.Disposable {
    return vscode.authentication.onDidChangeSessions((event) => {
      if (event.provider.id === 'microsoft' || event.provider.id === 'microsoft-sovereign-cloud') listener();
    });
  }
}
