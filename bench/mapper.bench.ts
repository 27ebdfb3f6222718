// The ARM mapper (raw ARM JSON → topology) over growing resource sets: its cost must grow linearly
// (ids are looked up in Maps keyed by idKey, never by scanning).
import { mapArmResources } from '../src/core/arm';
import { armNsg, armSecurityRule, armVirtualNetwork, armVm, hubScenario } from '../test/support/arm';
import { formatMs, medianMs, type BenchRow } from './types';

function environment(sets: number): unknown[] {
  const resources: unknown[] = [];
  for (let i = 0; i < sets; i++) {
    const scenario = hubScenario({ name: `bas-${i}` });
    resources.push(armVirtualNetwork({ name: `vnet-${i}` }), armNsg({ name: `nsg-${i}`, rules: [armSecurityRule({ name: 'r' })] }), scenario.bastion, armVm({ name: `vm-${i}` }));
  }
  return resources;
}

export default async function run(): Promise<BenchRow[]> {
  const sizes = [300, 1200, 4800];
  const times = sizes.map((sets) => {
    const resources = environment(sets);
    return medianMs(() => mapArmResources(resources), 7, 2);
  });
  const rows: BenchRow[] = sizes.map((sets, i) => ({
    benchmark: 'ARM mapper (raw JSON → topology)',
    input: `${(sets * 4).toLocaleString('en-US')} resources`,
    result: formatMs(times[i]),
    target: '',
    verdict: '',
  }));
  const growth = times[2] / times[0];
  rows.push({ benchmark: 'ARM mapper growth', input: '16× the resources', result: `${growth.toFixed(1)}× the time`, target: '≤ 20× (linear: 16×)', verdict: growth <= 20 ? 'ok' : 'over' });
  return rows;
}
