import { DEMO_LABEL, demoTopology } from '../../core/demo';
import type { TopologySource } from './source';

export function demoSource(): TopologySource {
  return { kind: 'demo', label: DEMO_LABEL, topology: demoTopology() };
}
