// Values from a deploymentParameters file: `{ "parameters": { "sku": { "value": "Standard" } } }`.
import { getNodeValue } from 'jsonc-parser';
import { normalize } from 'node:path';
import type { ParseDiagnostic, TemplateDocument } from '../source';
import { isArmParametersFile, parametersFilePathFor } from './detect';
import { type TemplateValue, unresolved } from './expression/value';
import { entriesOf, parseJsonDocument, propertyNode } from './jsonDocument';

export interface SuppliedParameterFile {
  path: string;
  values: Map<string, TemplateValue>;
  diagnostics: ParseDiagnostic[];
}

export function findParametersFile(templatePath: string, siblings: readonly TemplateDocument[]): TemplateDocument | undefined {
  const wanted = normalize(parametersFilePathFor(templatePath)).toLowerCase();
  return siblings.find((doc) => normalize(doc.path).toLowerCase() === wanted && isArmParametersFile(doc.path, doc.text));
}

export function readParametersFile(doc: TemplateDocument): SuppliedParameterFile {
  const parsed = parseJsonDocument(doc.text);
  const values = new Map<string, TemplateValue>();
  const [firstError] = parsed.errors;
  if (firstError) {
    const where = `line ${firstError.range.start.line + 1}, column ${firstError.range.start.character + 1}`;
    const message = `Parameters file is not valid JSON (${firstError.message} at ${where}); its values were not used`;
    return { path: doc.path, values, diagnostics: [{ file: doc.path, range: firstError.range, message, unparsed: true }] };
  }
  for (const [name, entry] of entriesOf(propertyNode(parsed.root, 'parameters'))) {
    const valueNode = propertyNode(entry, 'value');
    if (valueNode) values.set(name, getNodeValue(valueNode) as TemplateValue);
    else if (propertyNode(entry, 'reference')) {
      values.set(name, unresolved(`parameter '${name}' comes from a Key Vault secret in ${doc.path}`, `[parameters('${name}')]`));
    }
  }
  return { path: doc.path, values, diagnostics: [] };
}
