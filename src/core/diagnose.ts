// Runs every check on a topology for the selected Bastion hosts and VMs.
import { runChecks } from './checks/run';
import type { Finding } from './findings';
import type { Topology } from './model';

export { SelectionError } from './checks/selectionError';

export interface DiagnoseOptions {
  /** A Bastion host name or ARM id (case-insensitive). Absent: every host. */
  bastion?: string;
  /** A VM name or ARM id. Absent: every VM each selected host can reach. */
  vm?: string;
  /** A custom port the user connects on (Standard/Premium), besides 22/3389. */
  customPort?: number;
  /**
   * Where the topology came from. 'template' runs only the rules whose catalog scopes include
   * 'template', and checks every AzureBastionSubnet even when no Bastion host is declared.
   * Default 'live'.
   */
  source?: 'live' | 'template';
  /** The user wants a native-client (az network bastion ssh/rdp/tunnel) connection. */
  nativeClient?: boolean;
}

export interface DiagnosisTarget {
  bastionHostId: string;
  bastionHostName: string;
  virtualMachineId?: string;
  virtualMachineName?: string;
}

export interface DiagnosisReport {
  generatedAt: string;
  sourceLabel: string;
  isDemo: boolean;
  targets: DiagnosisTarget[];
  findings: Finding[];
}

/** Throws SelectionError when options.bastion / options.vm name nothing in the topology. */
export function diagnose(topology: Topology, options: DiagnoseOptions = {}): DiagnosisReport {
  const { targets, findings } = runChecks(topology, options);
  return {
    generatedAt: new Date().toISOString(),
    sourceLabel: topology.sourceLabel ?? (options.source === 'template' ? 'template' : 'topology'),
    isDemo: topology.isDemo === true,
    targets,
    findings,
  };
}
