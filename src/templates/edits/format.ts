// Which template format a file is: by name, and for JSON by its deploymentTemplate $schema.
import { isArmTemplate } from '../arm/detect';
import { isTerraformConfigFile } from '../terraform/files';
import type { TemplateFormat } from './types';

export function templateFormatOf(path: string, text: string): TemplateFormat | undefined {
  if (/\.bicep$/i.test(path)) return 'bicep';
  if (isTerraformConfigFile(path)) return 'terraform';
  return isArmTemplate(path, text) ? 'arm' : undefined;
}
