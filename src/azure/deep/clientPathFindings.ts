// What a client-path probe means for the user: a host that does not answer (DNS, TCP, proxy
// CONNECT, TLS) is bastion-client-unreachable; an upgrade that is refused, dropped or never
// answered after TLS worked is bastion-client-websocket-blocked.
import type { Finding, ResourceRef } from '../../core/findings';
import type { ClientPathResult } from './clientPath';
import { deepFinding, manualFix, type DeepContext } from './findings';

export function clientPathFindings(context: DeepContext, host: ResourceRef, result: ClientPathResult): Finding[] {
  const evidence = [
    { label: 'Host', value: `${result.host}:${result.port}` },
    ...(result.proxy ? [{ label: 'Proxy', value: result.proxy }] : [{ label: 'Proxy', value: 'none (direct connection)' }]),
    ...result.stages.map((stage) => ({ label: `Stage ${stage.stage}`, value: `${stage.ok ? 'ok' : 'failed'}: ${stage.detail} (${stage.elapsedMs} ms)` })),
    ...(result.proxyMarkers ? [{ label: 'Proxy headers in the answer', value: result.proxyMarkers.join(', ') }] : []),
  ];
  const failed = result.stages.find((stage) => !stage.ok)?.detail ?? '';
  const where = result.proxy ? `through the proxy ${result.proxy}` : 'directly';
  switch (result.outcome) {
    case 'ok':
    case 'host-answered':
      return [];
    case 'dns-failed':
      return [deepFinding(context, { rule: 'bastion-client-unreachable', resource: host, evidence,
        message: `${result.host} does not resolve from this machine (${failed}), so no browser or native client session can start here.`,
        fixes: [manualFix('Make the Bastion host name resolve', [
          `Check the name: nslookup ${result.host}`,
          'If a private DNS zone or a hosts entry overrides it on this network, remove the override; with a private-only Bastion, connect from a network that reaches the Bastion VNet.',
        ])] })];
    case 'tcp-refused':
    case 'tcp-timeout':
    case 'proxy-refused':
    case 'tls-failed':
      return [deepFinding(context, { rule: 'bastion-client-unreachable', resource: host, evidence,
        message: `${result.host}:${result.port} does not answer ${where}: ${failed}. The host itself is not reachable from this machine (not a WebSocket problem).`,
        fixes: [manualFix('Open the path to the Bastion host on 443', unreachableSteps(result))] })];
    case 'upgrade-refused':
    case 'upgrade-dropped':
    case 'upgrade-timeout':
      return [deepFinding(context, { rule: 'bastion-client-websocket-blocked', resource: host, evidence,
        message: `${result.host} answers TLS on ${result.port} ${where}, but the WebSocket upgrade ${upgradeVerb(result)}: a proxy or firewall between this machine and Bastion blocks WebSockets.`,
        fixes: [manualFix('Let WebSockets through to the Bastion host', [
          `Allow HTTP Upgrade: websocket to ${result.host} on the proxy or firewall (for example a rule for *.bastion.azure.com), without TLS inspection of that host.`,
          ...(result.proxy ? ['Or exempt the host from the proxy: add it to NO_PROXY / the proxy bypass list.'] : []),
        ])] })];
  }
}

function upgradeVerb(result: ClientPathResult): string {
  if (result.outcome === 'upgrade-refused') return `is refused${result.httpStatus ? ` with HTTP ${result.httpStatus}` : ''}${result.proxyMarkers ? ` by a proxy (${result.proxyMarkers.join(', ')})` : ''}`;
  if (result.outcome === 'upgrade-dropped') return 'is dropped (the connection closes without an answer)';
  return 'is never answered';
}

function unreachableSteps(result: ClientPathResult): string[] {
  if (result.outcome === 'proxy-refused') {
    return [`The proxy ${result.proxy ?? ''} refused CONNECT to ${result.host}:${result.port}${result.httpStatus === 407 ? ' because it requires authentication: set the proxy credentials' : ''}; ask for ${result.host} to be allowed, or set NO_PROXY for it.`];
  }
  if (result.outcome === 'tls-failed') {
    return [`Check the certificate the client sees: openssl s_client -connect ${result.host}:${result.port} -servername ${result.host}`, 'A TLS-inspecting proxy must exempt the Bastion host, or its root must be trusted.'];
  }
  return [
    `Test the path: Test-NetConnection ${result.host} -Port ${result.port} (Windows) or nc -vz ${result.host} ${result.port}`,
    'Allow outbound TCP 443 to the host on the local firewall, VPN or proxy; check that the Bastion host is Succeeded and has its public IP (or, private-only, that this network reaches it).',
  ];
}
