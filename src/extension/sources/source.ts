// Where the Bastion Hosts tree and diagnoses take their topology from: the signed-in Azure, the
// built-in demo (always labelled Demo), or a snapshot file.
import type * as vscode from 'vscode';
import type { Topology } from '../../core/model';
import type { SubscriptionInfo } from '../subscriptionFilter';

export type TopologySource =
  | { kind: 'live' }
  | { kind: 'demo'; label: string; topology: Topology }
  | { kind: 'snapshot'; label: string; topology: Topology; uri: vscode.Uri };

export type SourceKind = TopologySource['kind'];

/** A Bastion host (and optionally a VM) as the tree or a quick pick found it, ready to diagnose. */
export interface DiagnosisSelection {
  source: TopologySource;
  topology: Topology;
  bastionHostId: string;
  virtualMachineId?: string;
  /** Live only: the subscription of the host, for the reads and the portal link. */
  subscription?: SubscriptionInfo;
}
