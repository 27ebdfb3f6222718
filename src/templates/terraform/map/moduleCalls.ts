// Module calls: the called module's resources are not read (a local folder is not followed, a
// registry or remote module is not fetched), so each call is a check-incomplete at its block.
import type { ModuleCall } from '../module';
import type { MappingContext } from './context';

/** Terraform's own rule: a local path starts with ./ or ../ (module sources, "Local Paths"). */
const LOCAL = /^\.\.?[\\/]/;
/** `<namespace>/<name>/<provider>`, optionally behind a registry host. */
const REGISTRY = /^(?:[a-z0-9.-]+\.[a-z]{2,}(?::\d+)?\/)?[\w-]+\/[\w-]+\/[\w-]+$/i;
/** Hosts Terraform reads as Git or Mercurial repositories, never as a registry. */
const VCS_HOST = /^(?:github\.com|bitbucket\.org)\//i;

export function moduleCallMessage(call: ModuleCall): string {
  const source = call.source;
  const notChecked = 'its resources were not checked';
  if (source === undefined) return `module '${call.name}': its source is not a known string; ${notChecked}`;
  if (LOCAL.test(source)) return `module '${call.name}' (source "${source}") is a local module that is not followed; ${notChecked} (lint ${source} to check them)`;
  if (REGISTRY.test(source) && !VCS_HOST.test(source)) return `module '${call.name}' comes from the registry (source "${source}"); ${notChecked}`;
  return `module '${call.name}' comes from a remote source (source "${source}"); ${notChecked}`;
}

export function mapModuleCalls(context: MappingContext): void {
  for (const call of context.module.moduleCalls) {
    context.topology.problems.push({ resource: `module.${call.name}`, message: moduleCallMessage(call), origin: { kind: 'file', file: call.path, range: call.block.range } });
  }
}
