// Local Bicep modules in any folder: which files a caller reaches, read breadth first without
// loops, and the caller's declaration a module file's findings are shown on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { followLocalModules, localModules, moduleCallSites, callSiteOf } from '../../../../src/templates/bicep/moduleFiles';
import { lintFile } from '../../../../src/templates/edits';
import type { TemplateDocument } from '../../../../src/templates/source';

const module = (name: string, path: string) => `module ${name} '${path}' = {\n  name: '${name}'\n}\n`;

/** A small workspace: main → ../shared/a → b (same folder) → a again (a cycle), plus a remote and a missing module. */
const WORKSPACE: Record<string, string> = {
  '/ws/app/main.bicep': [module('a', '../shared/a.bicep'), module('remote', 'br/public:avm/res/network/nsg:0.5.0'), module('gone', './missing.bicep'), module('spec', 'ts:sub/rg/spec:1')].join('\n'),
  '/ws/shared/a.bicep': module('b', 'nested/b.bicep'),
  '/ws/shared/nested/b.bicep': `${module('back', '../a.bicep')}\n${module('json', './arm.json')}`,
  '/ws/shared/nested/arm.json': '{}',
};

function reader(files: Record<string, string>) {
  const reads: string[] = [];
  return { reads, read: (path: string) => { reads.push(path); return Promise.resolve(files[path]); } };
}

describe('local Bicep modules', () => {
  it('resolves module paths against the declaring file and skips registry, template spec and JSON modules', () => {
    const found = localModules({ path: '/ws/app/main.bicep', text: WORKSPACE['/ws/app/main.bicep'] });
    assert.deepEqual(found.map((m) => [m.declaration.name, m.file]), [['a', '/ws/shared/a.bicep'], ['gone', '/ws/app/missing.bicep']]);
    assert.deepEqual(localModules({ path: '/ws/app/main.json', text: WORKSPACE['/ws/app/main.bicep'] }), [], 'only .bicep files declare modules');
  });

  it('follows modules through folders and nesting, reads each file once and stops at cycles', async () => {
    const { reads, read } = reader(WORKSPACE);
    const roots = [{ path: '/ws/app/main.bicep', text: WORKSPACE['/ws/app/main.bicep'] }];
    const followed = await followLocalModules(roots, read);
    assert.deepEqual(followed.map((d) => d.path), ['/ws/shared/a.bicep', '/ws/shared/nested/b.bicep']);
    assert.deepEqual(reads, ['/ws/shared/a.bicep', '/ws/app/missing.bicep', '/ws/shared/nested/b.bicep'], 'a missing file is asked for once; a is not read again');
  });

  it('does not read what the host already has, and stops at the file limit', async () => {
    const { reads, read } = reader(WORKSPACE);
    const roots = [{ path: '/ws/app/main.bicep', text: WORKSPACE['/ws/app/main.bicep'] }, { path: '/ws/shared/a.bicep', text: WORKSPACE['/ws/shared/a.bicep'] }];
    assert.deepEqual((await followLocalModules(roots, read)).map((d) => d.path), ['/ws/shared/nested/b.bicep']);
    assert.ok(!reads.includes('/ws/shared/a.bicep'));
    assert.deepEqual((await followLocalModules(roots.slice(0, 1), reader(WORKSPACE).read, 1)).map((d) => d.path), ['/ws/shared/a.bicep']);
  });

  it('maps every file a caller deploys, nested ones included, to the caller declaration', () => {
    const documents: TemplateDocument[] = Object.entries(WORKSPACE).map(([path, text]) => ({ path, text }));
    const sites = moduleCallSites(documents[0], documents);
    for (const file of ['/ws/shared/a.bicep', '/ws/shared/nested/b.bicep']) {
      const site = callSiteOf(sites, file);
      assert.equal(site?.name, 'a', file);
      assert.equal(site?.path, '../shared/a.bicep');
      assert.equal(site?.range.start.line, 0);
    }
    assert.equal(callSiteOf(sites, '/ws/app/main.bicep'), undefined, 'the caller itself is not a module of its own');
    assert.equal(callSiteOf(sites, '/ws/shared/nested/arm.json'), undefined);
  });

  it('lintFile keeps the findings a caller causes in its module and still drops other files\' findings', async () => {
    const folder = 'test/fixtures/templates/bicep/module';
    const main = { path: join(folder, 'main.bicep'), text: await readFile(join(folder, 'main.bicep'), 'utf8') };
    const nsg = { path: join(folder, 'modules/nsg.bicep'), text: await readFile(join(folder, 'modules/nsg.bicep'), 'utf8') };
    const findings = lintFile(main, [nsg]);
    const inModule = findings.filter((f) => f.resource.origin?.kind === 'file' && f.resource.origin.file === nsg.path);
    assert.deepEqual(inModule.map((f) => f.rule), ['bastion-nsg-missing-rule'], 'the module leaves out HTTP outbound because main passes includeHttpOutbound: false');
    assert.deepEqual(lintFile(nsg, [main]).filter((f) => f.rule === 'bastion-nsg-missing-rule'), [], 'linted alone, the module uses its defaults and main is not its module');
  });
});
