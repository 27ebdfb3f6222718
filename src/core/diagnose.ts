// Runs every check on a topology for the selected Bastion hosts and VMs.
import type { Finding } from './findings';
import type { Topology } from './model';

export interface DiagnoseOptions {
  /** A Bastion host name or ARM id (case-insensitive). Absent: every host. */
  bastion?: string;
  /** A VM name or ARM id. Absent: every VM each selected host can reach. */
  vm?: string;
  /** A custom port the user connects on (Standard/Premium), besides 22/3389. */
  customPort?: number;
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

/** Thrown when --bastion / --vm name nothing in the topology (a usage error, exit code 2). */
export class SelectionError extends Error {}

export function diagnose(_topology: Topology, _options: DiagnoseOptions = {}): DiagnosisReport {
  throw new Error('diagnose: not implemented yet');
}
