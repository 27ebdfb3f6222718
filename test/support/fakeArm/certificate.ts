// A self-signed certificate for 127.0.0.1, made once per process: the SDK's bearer-token policy
// refuses plain http, so the fake ARM must speak TLS, and clients trust it through tlsOptions.ca.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificate {
  key: string;
  cert: string;
}

let cached: TestCertificate | undefined;

/**
 * Set by the real-VS-Code runner: the extension host must trust the certificate from its start
 * (NODE_EXTRA_CA_CERTS), so the runner makes it and the fake ARM in the tests reads it from here.
 */
const SHARED_DIRECTORY = 'BASTION_DOCTOR_TEST_TLS_DIR';

export function testCertificate(): TestCertificate {
  if (cached) return cached;
  const shared = process.env[SHARED_DIRECTORY];
  if (shared) {
    cached = { key: readFileSync(join(shared, 'key.pem'), 'utf8'), cert: readFileSync(join(shared, 'cert.pem'), 'utf8') };
    return cached;
  }
  const dir = mkdtempSync(join(tmpdir(), 'fake-arm-cert-'));
  try {
    writeTestCertificate(dir);
    cached = { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
    return cached;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes key.pem and cert.pem (127.0.0.1 and localhost, valid two days) into `dir`. */
export function writeTestCertificate(dir: string): void {
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2',
    '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
    '-addext', 'basicConstraints=critical,CA:TRUE',
  ], { stdio: 'ignore' });
}
