// A report in the output format the user chose (--format), for lint and diagnose alike.
import type { DiagnosisReport } from '../../core/diagnose';
import type { OutputFormat } from '../args';
import type { CliIo } from '../io';
import { shouldUseColor } from './color';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatText, type TextFormatOptions } from './text';

const RENDERERS: Record<OutputFormat, (report: DiagnosisReport, io: CliIo, text: Omit<TextFormatOptions, 'color'>) => string> = {
  json: (report) => formatJson(report),
  sarif: (report, io) => formatSarif(report, { baseDirectory: io.cwd }),
  text: (report, io, text) => formatText(report, { ...text, color: shouldUseColor(io.isTTY, io.env) }),
};

export function renderReport(report: DiagnosisReport, format: OutputFormat, io: CliIo, text: Omit<TextFormatOptions, 'color'> = {}): string {
  return RENDERERS[format](report, io, text);
}
