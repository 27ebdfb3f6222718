// Types for scripts/vscode-server.mjs, so the TypeScript suites can import it.
export declare const root: string;
export declare const cacheDir: string;
export declare const serverMain: string;
export declare const chromiumPath: string;
export declare const chromiumArgs: string[];

export interface RunDirs {
  base: string;
  userData: string;
  serverData: string;
  extensions: string;
}

export interface RunningServer {
  port: number;
  baseUrl: string;
  pgid: number;
  stop(): void;
  output(): string;
}

export declare function ensureServer(log?: (line: string) => void): string;
export declare function ensureSystemPackages(log?: (line: string) => void): void;
export declare function missingPrerequisite(): string | undefined;
export declare function freePort(): Promise<number>;
export declare function prepareRunDirs(name: string, settings?: Record<string, unknown>): RunDirs;
export declare function installVsix(dirs: RunDirs, vsixPath: string): string;
export declare function startServer(options: {
  dirs: RunDirs;
  port?: number;
  smokeTestDriver?: boolean;
  env?: Record<string, string>;
  /** More server flags, e.g. --disable-extension. */
  extraArgs?: string[];
  log?: (line: string) => void;
  quiet?: boolean;
  readyTimeoutMs?: number;
}): Promise<RunningServer>;
export declare function networkGuardEnv(): Record<string, string>;
export declare function workbenchUrl(baseUrl: string, folder: string, payload?: [string, string][]): string;
export declare function onShutdown(hook: (signal: string) => void): void;
