// Reads one Terraform module (a folder) into the topology: parse, evaluate, map.
import { emptyTopology } from '../../core/model';
import { sameId } from '../../core/resourceId';
import type { Parser } from 'web-tree-sitter';
import type { ParsedFile } from './ast';
import { MappingContext } from './map/context';
import { mapAzapiResources } from './map/azapi';
import { mapBastionHosts } from './map/bastion';
import { mapCompute } from './map/compute';
import { mapModuleCalls } from './map/moduleCalls';
import { mapDiagnosticSettings } from './map/monitoring';
import { mapNetworks } from './map/network';
import { mapRouteTables } from './map/routes';
import { mapSecurityGroups } from './map/security';
import { TerraformModule } from './module';
import { Unknown } from './values';
import { terraformParser } from './parser';
import type { ParsedFileCache } from './parseCache';
import { parseTerraformFile } from './syntax';
import { isJsonVariablesFile, parseTfvarsJson } from './tfvarsJson';
import { isTerraformConfigFile, variableFilesInOrder, type TerraformFile, type TerraformModuleOptions, type TerraformModuleResult } from './files';


function wholeFileRange() {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/** A .tf or .tfvars file through the HCL parser; a .tfvars.json file as JSON. */
export function parseModuleFile(parser: Parser, file: TerraformFile): ParsedFile {
  return isJsonVariablesFile(file.path) ? parseTfvarsJson(file.path, file.text) : parseTerraformFile(parser, file.path, file.text);
}

function parseSafely(parser: Parser, file: TerraformFile, cache: ParsedFileCache | undefined): ParsedFile {
  const cached = cache?.get(file.path, file.text);
  if (cached) return cached;
  try {
    const parsed = parseModuleFile(parser, file);
    cache?.set(file.path, file.text, parsed);
    return parsed;
  } catch (error) {
    const diagnostic = { path: file.path, range: wholeFileRange(), message: `Could not parse: ${(error as Error).message}`, unparsed: true as const };
    return { path: file.path, body: { attributes: new Map(), blocks: [] }, suppressions: [], diagnostics: [diagnostic] };
  }
}

function parsedModule(parser: Parser, files: readonly TerraformFile[], options: TerraformModuleOptions, cache: ParsedFileCache | undefined): { config: ParsedFile[]; tfvars: ParsedFile[] } {
  const config = files.filter((file) => isTerraformConfigFile(file.path)).map((file) => parseSafely(parser, file, cache));
  const varPaths = variableFilesInOrder(files.map((f) => f.path), options.varFile);
  const tfvars = varPaths.flatMap((path) => files.filter((f) => f.path === path).map((file) => parseSafely(parser, file, cache)));
  return { config, tfvars };
}

/**
 * The address (`azurerm_network_security_group.nsg["bastion"]`) of the instance of resource
 * `type`.`label` whose id is `id`, evaluated as a lint evaluates it; undefined when not known.
 */
export function instanceAddressOf(parser: Parser, files: readonly TerraformFile[], type: string, label: string, id: string): string | undefined {
  const { config, tfvars } = parsedModule(parser, files, {}, undefined);
  const module = new TerraformModule(config, tfvars);
  const declaration = module.resources.find((d) => d.type === type && d.name === label);
  const instances = declaration ? module.instances(declaration) : undefined;
  if (!instances || instances instanceof Unknown) return undefined;
  return instances.find((instance) => typeof instance.value.id === 'string' && sameId(instance.value.id, id))?.address;
}

/**
 * Parses and evaluates the files of one folder with a loaded parser. Never throws. With a cache,
 * files whose text has not changed since an earlier call are not parsed again.
 */
export function terraformModuleToTopologyWith(parser: Parser, files: readonly TerraformFile[], options: TerraformModuleOptions = {}, cache?: ParsedFileCache): TerraformModuleResult {
  const topology = emptyTopology();
  topology.sourceLabel = options.sourceLabel ?? 'Terraform';
  const result: TerraformModuleResult = { topology, parseDiagnostics: [], suppressions: [] };
  const { config, tfvars } = parsedModule(parser, files, options, cache);
  for (const parsed of [...config, ...tfvars]) {
    result.parseDiagnostics.push(...parsed.diagnostics);
    result.suppressions.push(...parsed.suppressions);
  }
  try {
    const module = new TerraformModule(config, tfvars);
    const context = new MappingContext(module, topology);
    mapNetworks(context);
    mapSecurityGroups(context);
    mapRouteTables(context);
    mapBastionHosts(context);
    mapCompute(context);
    mapDiagnosticSettings(context);
    mapAzapiResources(context);
    mapModuleCalls(context);
    if (module.budget.exceeded) topology.problems.push({ resource: 'module', message: `${topology.sourceLabel}: ${module.budget.exceeded}; what depends on it was not checked` });
  } catch (error) {
    topology.problems.push({ resource: 'module', message: `Evaluation stopped: ${(error as Error).message}` });
  }
  return result;
}

/** Loads the parser if needed, then parses and evaluates one folder. Never rejects. */
export async function terraformModuleToTopology(files: readonly TerraformFile[], options: TerraformModuleOptions = {}): Promise<TerraformModuleResult> {
  let parser: Parser;
  try {
    parser = await terraformParser();
  } catch (error) {
    const topology = emptyTopology();
    topology.sourceLabel = options.sourceLabel ?? 'Terraform';
    const message = `The Terraform parser could not load: ${(error as Error).message}`;
    return { topology, suppressions: [], parseDiagnostics: files.map((file) => ({ path: file.path, range: wholeFileRange(), message, unparsed: true as const })) };
  }
  return terraformModuleToTopologyWith(parser, files, options);
}
