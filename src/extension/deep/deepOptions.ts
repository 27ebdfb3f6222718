// The deep-check options the extension derives from what VS Code knows (the VM's OS, the
// http.proxy setting), kept free of vscode so they are tested with plain node:test.
import type { OsType } from '../../core/model';

export type NativeClientWant = 'ssh' | 'rdp' | 'tunnel';

/** The commands a user of this VM would run: rdp for Windows, ssh otherwise; tunnel for both. */
export function nativeClientWants(osType: OsType | undefined): NativeClientWant[] {
  return osType === 'Windows' ? ['rdp', 'tunnel'] : ['ssh', 'tunnel'];
}

/** VS Code's http.proxy when set; otherwise the probe falls back to HTTPS_PROXY / NO_PROXY. */
export function clientPathOptions(httpProxySetting: string | undefined): { proxy?: string } {
  const proxy = httpProxySetting?.trim();
  return proxy ? { proxy } : {};
}
