// The Azure cloud VS Code's Microsoft sign-in is configured for (the built-in authentication
// extension's `microsoft-sovereign-cloud.*` settings), and what follows from it: the auth
// provider, Resource Manager endpoint, token scopes and portal address.

export interface AzureCloud {
  name: 'AzureCloud' | 'ChinaCloud' | 'USGovernment' | 'custom';
  /** 'microsoft' for public Azure, 'microsoft-sovereign-cloud' for every other cloud. */
  authProviderId: 'microsoft' | 'microsoft-sovereign-cloud';
  /** Without a trailing slash. */
  resourceManagerEndpoint: string;
  /** The classic management audience tokens are requested for (see sessionScopes); no trailing slash. */
  managementEndpoint: string;
  /** Without a trailing slash. */
  portalUrl: string;
  /** Log Analytics query endpoint, without a trailing slash; for a custom cloud, only when the setting names it. */
  logAnalyticsEndpoint?: string;
}

const CLOUDS: Record<'AzureCloud' | 'ChinaCloud' | 'USGovernment', AzureCloud> = {
  AzureCloud: { name: 'AzureCloud', authProviderId: 'microsoft', resourceManagerEndpoint: 'https://management.azure.com', managementEndpoint: 'https://management.core.windows.net', portalUrl: 'https://portal.azure.com', logAnalyticsEndpoint: 'https://api.loganalytics.io' },
  ChinaCloud: { name: 'ChinaCloud', authProviderId: 'microsoft-sovereign-cloud', resourceManagerEndpoint: 'https://management.chinacloudapi.cn', managementEndpoint: 'https://management.core.chinacloudapi.cn', portalUrl: 'https://portal.azure.cn', logAnalyticsEndpoint: 'https://api.loganalytics.azure.cn' },
  USGovernment: { name: 'USGovernment', authProviderId: 'microsoft-sovereign-cloud', resourceManagerEndpoint: 'https://management.usgovcloudapi.net', managementEndpoint: 'https://management.core.usgovcloudapi.net', portalUrl: 'https://portal.azure.us', logAnalyticsEndpoint: 'https://api.loganalytics.us' },
};

/** The custom-cloud setting as the authentication extension defines it (only the fields used here). */
export interface CustomCloudSetting {
  resourceManagerEndpointUrl?: string;
  /** The token audience; clouds that leave it out get tokens for the Resource Manager endpoint. */
  managementEndpointUrl?: string;
  portalUrl?: string;
}

export type CloudResult = { ok: true; cloud: AzureCloud } | { ok: false; message: string };

/**
 * `environment` and `customEnvironment` of the `microsoft-sovereign-cloud` section; for a custom
 * cloud, `logAnalyticsEndpoint` (bastionDoctor.customCloudLogAnalyticsEndpoint), which the
 * authentication extension's setting has no field for.
 */
export function cloudFromSettings(environment: string | undefined, custom: CustomCloudSetting | undefined, logAnalyticsEndpoint?: string): CloudResult {
  if (environment === undefined || environment === '' || environment === 'AzureCloud') return { ok: true, cloud: CLOUDS.AzureCloud };
  if (environment === 'ChinaCloud' || environment === 'USGovernment') return { ok: true, cloud: CLOUDS[environment] };
  if (environment === 'custom') {
    if (!custom?.resourceManagerEndpointUrl || !custom.portalUrl) {
      return { ok: false, message: 'The custom cloud is not configured: set microsoft-sovereign-cloud.customEnvironment with resourceManagerEndpointUrl and portalUrl.' };
    }
    return {
      ok: true,
      cloud: {
        name: 'custom',
        authProviderId: 'microsoft-sovereign-cloud',
        resourceManagerEndpoint: trimSlash(custom.resourceManagerEndpointUrl),
        managementEndpoint: trimSlash(custom.managementEndpointUrl ?? custom.resourceManagerEndpointUrl),
        portalUrl: trimSlash(custom.portalUrl),
        ...(logAnalyticsEndpoint?.trim() ? { logAnalyticsEndpoint: trimSlash(logAnalyticsEndpoint.trim()) } : {}),
      },
    };
  }
  return { ok: false, message: `Unknown cloud "${environment}" in microsoft-sovereign-cloud.environment (expected ChinaCloud, USGovernment or custom).` };
}

/**
 * Scopes for vscode.authentication.getSession, as @microsoft/vscode-azext-azureauth forms them
 * (microsoft/vscode-azuretools auth/src/utils/getSessionFromVSCodeCore.ts, getResourceScopes): the
 * cloud's management endpoint audience (`https://management.core.windows.net/.default`), not the
 * Resource Manager endpoint, because sessions requested for the latter failed to refresh from a
 * stale MSAL cache (microsoft/vscode-azurefunctions#3913). Resource Manager accepts both
 * audiences, and sharing the scopes with the Azure extensions shares their cached session.
 */
export function sessionScopes(cloud: AzureCloud, tenantId?: string): string[] {
  const scopes = [`${cloud.managementEndpoint}/.default`];
  if (tenantId) scopes.push(`VSCODE_TENANT:${tenantId}`);
  return scopes;
}

/** `https://portal.azure.com/#@<tenant>/resource<id>`; without a tenant the portal uses the default directory. */
export function portalResourceUrl(cloud: AzureCloud, resourceId: string, tenantId?: string): string {
  const id = resourceId.startsWith('/') ? resourceId : `/${resourceId}`;
  return `${cloud.portalUrl}/#${tenantId ? `@${tenantId}` : ''}/resource${id}`;
}

/**
 * Where the deep check's audit-log query goes: `{}` for public Azure (the SDK's default endpoint),
 * the sovereign cloud's endpoint, or undefined when it is not known (a custom cloud without
 * bastionDoctor.customCloudLogAnalyticsEndpoint), and the audit-log step then reports that it
 * could not run.
 */
export function logsEndpointFor(cloud: AzureCloud): { endpoint?: string } | undefined {
  if (cloud.logAnalyticsEndpoint === undefined) return undefined;
  return cloud.name === 'AzureCloud' ? {} : { endpoint: cloud.logAnalyticsEndpoint };
}

/**
 * The scope of a Log Analytics token in this cloud. The query client always asks for the public
 * audience (api.loganalytics.io), which a sovereign cloud's sign-in cannot issue.
 */
export function logsTokenScope(cloud: AzureCloud): string | undefined {
  return cloud.logAnalyticsEndpoint === undefined ? undefined : `${cloud.logAnalyticsEndpoint}/.default`;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
