// Live Azure for the extension: the signed-in session turned into SDK clients, the subscription
// list, the tree's inventory and the reads of one diagnosis. src/azure (and with it the SDK) is
// imported on first use only.
import type * as vscode from 'vscode';
import type { AzureClients } from '../../azure/clients';
import type { DiagnosisRead } from '../../azure/readDiagnosis';
import type { Topology } from '../../core/model';
import { hookAzureLogger } from '../log';
import { loadAzure } from './loadAzure';
import { type SubscriptionInfo } from '../subscriptionFilter';
import { listSubscriptions, listTenants, tokenExpiry, type TenantInfo } from './armHttp';
import type { LiveInventory } from './inventory';
import type { AzureSignIn } from './session';

const FALLBACK_TOKEN_LIFETIME_MS = 5 * 60 * 1000;

export interface LiveDiagnosisRead {
  topology: Topology;
  read: DiagnosisRead;
}

export class LiveAzure {
  private loggerHook: Promise<vscode.Disposable> | undefined;

  constructor(private readonly signIn: AzureSignIn, private readonly log: vscode.LogOutputChannel) {}

  async isSignedIn(): Promise<boolean> {
    return (await this.signIn.silentSession()) !== undefined;
  }

  async tenants(signal?: AbortSignal): Promise<TenantInfo[]> {
    const session = await this.signIn.interactiveSession(undefined);
    return listTenants(this.signIn.cloud().resourceManagerEndpoint, session.accessToken, signal);
  }

  /** Subscriptions the session sees; undefined when nobody is signed in. */
  async subscriptions(signal?: AbortSignal): Promise<SubscriptionInfo[] | undefined> {
    const session = await this.signIn.silentSession();
    if (!session) return undefined;
    return listSubscriptions(this.signIn.cloud().resourceManagerEndpoint, session.accessToken, signal);
  }

  async inventory(subscriptions: readonly SubscriptionInfo[], signal: AbortSignal): Promise<LiveInventory> {
    const { loadLiveInventory } = await import('./inventory');
    const inventory = await loadLiveInventory((tenantId) => this.clients(subscriptions.find((s) => s.tenantId === tenantId)), subscriptions, signal);
    this.log.info(`Inventory of ${subscriptions.length} subscription(s) through ${inventory.path === 'arm' ? 'ARM lists' : 'Resource Graph'}${inventory.fallbackReason ? ` (${inventory.fallbackReason})` : ''}`);
    return inventory;
  }

  async readForDiagnosis(subscription: SubscriptionInfo, bastionHostId: string, virtualMachineId: string | undefined, signal: AbortSignal): Promise<LiveDiagnosisRead> {
    const clients = await this.clients(subscription);
    const { readForDiagnosis, topologyFromRead } = await loadAzure();
    const read = await readForDiagnosis(clients, { bastion: bastionHostId, vm: virtualMachineId, signal });
    this.log.info(`Read ${read.resources.length} resources in ${read.waves} waves (${read.requestCount} requests) for ${bastionHostId}`);
    return { topology: topologyFromRead(read, `subscription ${subscription.displayName}`), read };
  }

  private async clients(subscription: SubscriptionInfo | undefined): Promise<AzureClients> {
    this.loggerHook ??= hookAzureLogger(this.log);
    await this.loggerHook;
    const { createAzureClients, credentialFromTokenProvider } = await loadAzure();
    const tenantId = subscription?.tenantId ?? this.signIn.tenantId;
    const credential = credentialFromTokenProvider(async () => {
      const session = await this.signIn.silentSession(tenantId);
      if (!session) throw Object.assign(new Error('No Azure session: sign in to Azure first.'), { name: 'AuthenticationRequiredError' });
      return { token: session.accessToken, expiresOnTimestamp: tokenExpiry(session.accessToken) ?? Date.now() + FALLBACK_TOKEN_LIFETIME_MS };
    });
    return createAzureClients({ credential, subscriptionId: subscription?.subscriptionId ?? '', endpoint: this.signIn.cloud().resourceManagerEndpoint });
  }
}
