// `npm start`: builds and packages the extension, installs the .vsix into a fresh VS Code server
// on 127.0.0.1 with a copy of samples/workspace open, and prints the URL to open in a browser.
// Ctrl+C stops the server and everything it started.
// Usage: npm start [-- --port 8080]
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { ensureServer, installVsix, prepareRunDirs, root, startServer, workbenchUrl } from './vscode-server.mjs';

const portFlag = process.argv.indexOf('--port');
const port = portFlag > 0 ? Number(process.argv[portFlag + 1]) : Number(process.env.PORT ?? 8080);

const packaged = spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (packaged.status !== 0) {
  console.error('npm run package failed');
  process.exit(1);
}
ensureServer();
// The demo environment fills the Bastion Hosts view as soon as the window opens.
const dirs = prepareRunDirs('start', { 'bastionDoctor.showDemoOnStartup': true });
// A copy, so trying the quick fixes does not edit the samples in the repository.
const workspace = join(dirs.base, 'workspace');
cpSync(join(root, 'samples', 'workspace'), workspace, { recursive: true });
installVsix(dirs, join(root, 'dist', 'bastion-doctor.vsix'));
const server = await startServer({ dirs, port });
console.log(`
Bastion Doctor is running in VS Code at

  ${workbenchUrl(server.baseUrl, workspace)}

The Bastion Doctor view (activity bar) shows the demo environment; run "Bastion Doctor: Diagnose
Bastion" from the command palette, or open one of the sample templates (arm/, bicep/,
bicep-module/, terraform/, terraform-module/) to see its diagnostics and quick fixes.
Ctrl+C stops the server.`);
// Stay alive until a signal; vscode-server.mjs ends the server's process group then.
setInterval(() => undefined, 1 << 30);
