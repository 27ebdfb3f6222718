// Which JSON files are ARM templates and which are their parameters files.
import { basename, dirname, join } from 'node:path';

// Matches deploymentTemplate.json# and the subscription/managementGroup/tenant variants.
const TEMPLATE_SCHEMA = /"\$schema"\s*:\s*"[^"]*deploymenttemplate\.json#?"/i;
const PARAMETERS_SCHEMA = /"\$schema"\s*:\s*"[^"]*deploymentparameters\.json#?"/i;

export function isArmTemplate(path: string, text: string): boolean {
  return /\.jsonc?$/i.test(path) && TEMPLATE_SCHEMA.test(text);
}

export function isArmParametersFile(path: string, text: string): boolean {
  return /\.jsonc?$/i.test(path) && PARAMETERS_SCHEMA.test(text);
}

/** `main.json` → `main.parameters.json` in the same folder (`azuredeploy.parameters.json` too). */
export function parametersFilePathFor(templatePath: string): string {
  const base = basename(templatePath).replace(/\.jsonc?$/i, '');
  return join(dirname(templatePath), `${base}.parameters.json`);
}
