// bastion-property-api-version (templates): a property declared under an apiVersion older than
// the one that introduced it (bastion-reference.md §5.2) is dropped or rejected by ARM.
import { buildFix } from '../fixes/index';
import type { BastionHost } from '../model';
import { makeFinding } from './finding';
import { ARM_TYPES, refOf } from './refs';
import type { Check } from './types';

/** Lower-cased property name -> [name as ARM spells it, first apiVersion that has it]. */
const INTRODUCED_IN: Record<string, [string, string]> = Object.fromEntries(
  ([
    ['disableCopyPaste', '2021-03-01'], ['enableFileCopy', '2021-03-01'], ['enableIpConnect', '2021-03-01'],
    ['enableShareableLink', '2021-03-01'], ['enableTunneling', '2021-03-01'], ['scaleUnits', '2021-03-01'],
    ['enableKerberos', '2022-11-01'], ['networkAcls', '2023-05-01'], ['virtualNetwork', '2023-05-01'],
    ['zones', '2023-09-01'], ['enableSessionRecording', '2024-01-01'], ['enablePrivateOnlyBastion', '2024-05-01'],
    ['sessionRecordingConfiguration', '2026-01-01'], ['identity', '2026-01-01'],
  ] as const).map(([name, version]) => [name.toLowerCase(), [name, version]]),
);
const DEVELOPER_SKU_VERSION = '2023-06-01';
/** Has every Premium property; 2026-01-01 only when identity/sessionRecordingConfiguration are used. */
const RECOMMENDED_VERSION = '2024-05-01';

function declaredNames(host: BastionHost): string[] {
  if (host.declaredProperties) return host.declaredProperties.map((path) => path.split('.').pop() ?? path);
  const fromModel = Object.entries(host.features).filter(([, value]) => value !== undefined).map(([name]) => name);
  if (host.scaleUnits !== undefined) fromModel.push('scaleUnits');
  if (host.zones !== undefined) fromModel.push('zones');
  if (host.virtualNetworkId !== undefined) fromModel.push('virtualNetwork');
  if (host.networkAclAddressPrefixes !== undefined) fromModel.push('networkAcls');
  return fromModel;
}

export const apiVersionCheck: Check = {
  name: 'Bastion property apiVersion',
  level: 'host',
  rules: ['bastion-property-api-version'],
  run(context) {
    const host = context.host;
    const apiVersion = host?.apiVersion?.slice(0, 10);
    if (!host || !apiVersion) return [];
    const tooNew = new Map<string, string>();
    for (const declared of declaredNames(host)) {
      const known = INTRODUCED_IN[declared.toLowerCase()];
      if (known && known[1] > apiVersion) tooNew.set(known[0], known[1]);
    }
    if (host.sku?.toLowerCase() === 'developer' && DEVELOPER_SKU_VERSION > apiVersion) tooNew.set('sku Developer', DEVELOPER_SKU_VERSION);
    if (tooNew.size === 0) return [];
    const needed = [...tooNew.values()].sort().pop() as string;
    const toApiVersion = needed > RECOMMENDED_VERSION ? needed : RECOMMENDED_VERSION;
    const hostRef = refOf(host, ARM_TYPES.bastionHost);
    const list = [...tooNew].map(([name, version]) => `${name} (from ${version})`).join(', ');
    return [makeFinding(context, {
      rule: 'bastion-property-api-version',
      message: `Bastion host ${host.name} is declared with apiVersion ${host.apiVersion}, older than ${list}; ARM drops or rejects ${tooNew.size > 1 ? 'those properties' : 'that property'}.`,
      resource: hostRef,
      evidence: [{ label: 'apiVersion', value: host.apiVersion ?? apiVersion }, ...[...tooNew].map(([name, version]) => ({ label: 'Introduced', value: `${name}: ${version}` }))],
      fixes: [buildFix(`Declare ${host.name} with apiVersion ${toApiVersion}`, { kind: 'set-api-version', resource: hostRef, fromApiVersion: host.apiVersion ?? apiVersion, toApiVersion })],
    })];
  },
};
