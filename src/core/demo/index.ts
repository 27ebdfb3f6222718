// The built-in demo environment: a hub-and-spoke written as raw ARM resource JSON, so it runs
// through the same mapper and checks as a real snapshot. Every id uses one of two made-up
// subscriptions: the hub's, and a landing-zone spoke's.
import { mapArmResources } from '../arm';
import type { Topology } from '../model';
import { branchResources } from './branch';
import { hubResources } from './hub';
import { spokeResources } from './spokes';
import { vmResources } from './vms';

export const DEMO_LABEL = 'Demo environment (built-in sample data, not your Azure)';
export { DEMO_SPOKE_SUBSCRIPTION_ID, DEMO_SUBSCRIPTION_ID } from './arm';

export function demoResources(): Record<string, unknown>[] {
  return [...hubResources(), ...spokeResources(), ...branchResources(), ...vmResources()];
}

/** The demo as a topology, labelled so every presenter shows it is sample data. */
export function demoTopology(): Topology {
  return mapArmResources(demoResources(), {
    sourceLabel: DEMO_LABEL,
    isDemo: true,
    // The demo holds every kind of resource a live read gathers, so absences are meaningful.
    coverage: { diagnosticSettings: true, privateDnsZoneLinks: true, instanceView: true },
  });
}
