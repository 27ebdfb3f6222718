// Live Azure for the extension: the signed-in session turned into SDK clients, the subscription
// list, the tree's inventory and the reads of one diagnosis. src/azure (and with it the SDK) is
// imported on first use only.
import type * as vscode from 'vscode';
import type { AzureClients } from '../../azure/clients';
import type { LogsAccess } from '../../azure/deep/auditLogs';
import type { DeepCheckOptions, DeepCheckResult } from '../../azure/deep/deepCheck';
import type { DeepTarget } from '../../azure/deep/target';
import type { DiagnosisRead } from '../../azure/readDiagnosis';
import type { Topology } from '../../core/model';
import { logsEndpointFor, logsTokenScope } from '../cloud';
import { hookAzureLogger } from '../log';
import { severityOverrides } from '../settings';
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
  /** By cloud endpoint and tenant. */
  private readonly clientSets = new Map<string, AzureClients>();

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
    // The tree's health icons are the hosts' quick checks, with the user's rule levels.
    const inventory = await loadLiveInventory((tenantId) => this.clients(subscriptions.find((s) => s.tenantId === tenantId)), subscriptions, signal, severityOverrides());
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

  /** The Deep check of a pair already read; the audit log is queried with the session's Log Analytics token. */
  async deepCheck(subscription: SubscriptionInfo, topology: Topology, target: DeepTarget, options: Omit<DeepCheckOptions, 'logs'>): Promise<DeepCheckResult> {
    const clients = await this.clients(subscription);
    const { runDeepCheck } = await loadAzure();
    const result = await runDeepCheck(clients, topology, target, { ...options, logs: await this.logsAccess(subscription.tenantId) });
    this.log.info(`Deep check of ${target.virtualMachineId ?? target.bastionHostId}: ${result.steps.map((s) => `${s.step} ${s.state}`).join(', ')} (${result.requestCount} requests)`);
    return result;
  }

  /** Undefined on a cloud whose Log Analytics endpoint is not known: the audit-log step then says it could not run. */
  private async logsAccess(tenantId: string): Promise<LogsAccess | undefined> {
    const cloud = this.signIn.cloud();
    const where = logsEndpointFor(cloud);
    const scope = logsTokenScope(cloud);
    if (!where || !scope) return undefined;
    const { credentialFromTokenProvider } = await loadAzure();
    // The query client asks for the public audience whatever the endpoint; the cloud's scope is asked for instead.
    const credential = credentialFromTokenProvider(async () => {
      const session = await this.signIn.resourceSession(scope, tenantId);
      return { token: session.accessToken, expiresOnTimestamp: tokenExpiry(session.accessToken) ?? Date.now() + FALLBACK_TOKEN_LIFETIME_MS };
    });
    return { credential, ...where };
  }

  /**
   * The clients of a subscription. One set per tenant and cloud endpoint is kept, and through it
   * one per subscription (AzureClients.forSubscription): the tree, Diagnose and Deep Check reuse
   * them, and a read of a resource in another subscription goes to that subscription's clients.
   * The credential asks VS Code for the session on every token, so a new sign-in is picked up.
   */
  private async clients(subscription: SubscriptionInfo | undefined): Promise<AzureClients> {
    this.loggerHook ??= hookAzureLogger(this.log);
    await this.loggerHook;
    const { createAzureClients, credentialFromTokenProvider } = await loadAzure();
    const tenantId = subscription?.tenantId ?? this.signIn.tenantId;
    const endpoint = this.signIn.cloud().resourceManagerEndpoint;
    const key = `${endpoint}|${(tenantId ?? '').toLowerCase()}`;
    let tenantClients = this.clientSets.get(key);
    if (tenantClients === undefined) {
      const credential = credentialFromTokenProvider(async () => {
        const session = await this.signIn.silentSession(tenantId);
        if (!session) throw Object.assign(new Error('No Azure session: sign in to Azure first.'), { name: 'AuthenticationRequiredError' });
        return { token: session.accessToken, expiresOnTimestamp: tokenExpiry(session.accessToken) ?? Date.now() + FALLBACK_TOKEN_LIFETIME_MS };
      });
      tenantClients = createAzureClients({ credential, subscriptionId: subscription?.subscriptionId ?? '', endpoint });
      this.clientSets.set(key, tenantClients);
    }
    return subscription === undefined ? tenantClients : tenantClients.forSubscription(subscription.subscriptionId);
  }
}
