// The current diagnosis: what the Diagnosis view, the report panel and Save Snapshot show.
import * as vscode from 'vscode';
import type { DiagnosisReport } from '../../core/diagnose';
import type { Topology } from '../../core/model';
import { applySeverityOverrides } from '../../core/severity';
import type { DeepCheckRecord } from '../deep/record';
import { severityOverrides } from '../settings';
import type { SourceKind } from '../sources/source';

export interface CurrentDiagnosis {
  /** As the checks produced it, before the user's severity overrides. */
  rawReport: DiagnosisReport;
  topology: Topology;
  sourceKind: SourceKind;
  /** Live only: the raw ARM JSON the reads returned, for Save Snapshot. */
  rawResources?: Record<string, unknown>[];
  /** Set by Deep Check: what the report's Deep check section shows. */
  deep?: DeepCheckRecord;
}

export class DiagnosisState implements vscode.Disposable {
  private current: CurrentDiagnosis | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  get diagnosis(): CurrentDiagnosis | undefined {
    return this.current;
  }

  /** The report with bastionDoctor.rules applied. */
  get report(): DiagnosisReport | undefined {
    if (!this.current) return undefined;
    return { ...this.current.rawReport, findings: applySeverityOverrides(this.current.rawReport.findings, severityOverrides()) };
  }

  set(diagnosis: CurrentDiagnosis): void {
    this.current = diagnosis;
    void vscode.commands.executeCommand('setContext', 'bastionDoctor.hasDiagnosis', true);
    void vscode.commands.executeCommand('setContext', 'bastionDoctor.hasLiveDiagnosis', diagnosis.sourceKind === 'live' && (diagnosis.rawResources?.length ?? 0) > 0);
    this.changed.fire();
  }

  /** Settings changed (severity overrides): views re-render from the same diagnosis. */
  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
