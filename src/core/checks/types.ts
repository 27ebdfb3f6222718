// The contract every catalog check follows: a pure function of one context.
import type { RuleId } from '../catalog';
import type { DiagnoseOptions } from '../diagnose';
import type { Finding } from '../findings';
import type { BastionHost, Subnet, Topology, VirtualMachine, VirtualNetwork } from '../model';
import type { TopologyIndex } from './topologyIndex';

export type DiagnosisSource = 'live' | 'template';

export interface CheckContext {
  topology: Topology;
  index: TopologyIndex;
  options: DiagnoseOptions;
  source: DiagnosisSource;
  /** Absent for topology-level checks and for a template's AzureBastionSubnet without a host. */
  host?: BastionHost;
  /** The host's AzureBastionSubnet (subnet-level checks always have it). */
  bastionSubnet?: Subnet;
  /** The VNet the host serves: the AzureBastionSubnet's VNet, or a Developer host's virtualNetwork. */
  bastionVnet?: VirtualNetwork;
  /** Target-level checks only. */
  vm?: VirtualMachine;
}

/**
 * Where a check runs: once per diagnosis, once per selected host, once per Bastion subnet, or
 * once per (host, VM) target.
 */
export type CheckLevel = 'topology' | 'host' | 'subnet' | 'target';

export interface Check {
  name: string;
  level: CheckLevel;
  /** The catalog ids it can emit besides check-incomplete; decides whether it runs for a source. */
  rules: RuleId[];
  run(context: CheckContext): Finding[];
}
