// The `az network bastion ssh|rdp` command for a VM, with names quoted for the shell. Native
// client connections need Standard or Premium with enableTunneling (bastion-reference.md §5).
import { isStandardOrAbove, skuLabel, skuOf } from '../core/checks/sku';
import { bashQuote } from '../core/fixes/quote';
import type { BastionHost, VirtualMachine } from '../core/model';
import { parseResourceId } from '../core/resourceId';

export type NativeClientCommand =
  | { ok: true; command: string; note?: string }
  | { ok: false; reason: string };

export function nativeClientCommand(host: BastionHost, vm: VirtualMachine): NativeClientCommand {
  if (!isStandardOrAbove(skuOf(host))) {
    return { ok: false, reason: `Bastion host ${host.name} is ${skuLabel(host)}; native client connections need the Standard or Premium SKU.` };
  }
  if (host.features.enableTunneling !== true) {
    return { ok: false, reason: `Bastion host ${host.name} does not have native client support (enableTunneling) turned on.` };
  }
  const parsed = parseResourceId(host.id);
  const location = [
    ...(parsed.subscriptionId ? ['--subscription', bashQuote(parsed.subscriptionId)] : []),
    '--resource-group', bashQuote(parsed.resourceGroup ?? ''),
    '--name', bashQuote(host.name),
    '--target-resource-id', bashQuote(vm.id),
  ].join(' ');
  if (vm.osType === 'Windows') {
    return { ok: true, command: `az network bastion rdp ${location}`, note: 'az network bastion rdp runs on Windows only (it starts the Windows Remote Desktop client).' };
  }
  return {
    ok: true,
    command: `az network bastion ssh ${location} --auth-type AAD`,
    note: 'Signs in with Microsoft Entra ID; for a key use --auth-type ssh-key --username <user> --ssh-key <file>.',
  };
}
