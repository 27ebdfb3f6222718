// An in-memory CliIo: captures output and serves files from a map.
import type { CliIo } from '../../../src/cli/io';

export interface FakeIo extends CliIo {
  out: string;
  err: string;
}

export function fakeIo(files: Record<string, string> = {}, overrides: Partial<CliIo> = {}): FakeIo {
  const io: FakeIo = {
    out: '',
    err: '',
    stdout: (text) => {
      io.out += text;
    },
    stderr: (text) => {
      io.err += text;
    },
    isTTY: false,
    env: {},
    cwd: '/home/user/infra',
    readTextFile: async (path) => {
      if (path in files) return files[path];
      throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
    },
    ...overrides,
  };
  return io;
}
