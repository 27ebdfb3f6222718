import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatLogArguments, redactSecrets } from '../../../src/extension/redact';

const JWT = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL21hbmFnZW1lbnQuYXp1cmUuY29tIn0.c2lnbmF0dXJlLXBhcnQ';

const cases: { name: string; input: string; secret: string; kept?: string }[] = [
  { name: 'header line', input: `Request headers: authorization: Bearer ${JWT}`, secret: JWT, kept: 'Request headers' },
  { name: 'JSON header', input: `{"Authorization":"Bearer ${JWT}","x-ms-client-request-id":"abc"}`, secret: JWT, kept: 'x-ms-client-request-id' },
  { name: 'SDK header dump', input: `"authorization": "Bearer opaque-token_123"`, secret: 'opaque-token_123' },
  { name: 'bare bearer', input: 'sending bearer abc.def-ghi~jkl to ARM', secret: 'abc.def-ghi~jkl', kept: 'to ARM' },
  { name: 'token response', input: '{"token_type":"Bearer","access_token":"s3cr3t","expires_in":3599}', secret: 's3cr3t', kept: 'expires_in' },
  { name: 'form body', input: 'grant_type=refresh_token&refresh_token=r3fr3sh&client_id=x', secret: 'r3fr3sh', kept: 'client_id=x' },
  { name: 'bare JWT', input: `token ${JWT} expired`, secret: JWT, kept: 'expired' },
  { name: 'SAS signature', input: 'https://a.blob.core.windows.net/c?sv=1&sig=abc%2Bdef&se=2', secret: 'abc%2Bdef', kept: 'se=2' },
];

for (const { name, input, secret, kept } of cases) {
  test(`redacts: ${name}`, () => {
    const output = redactSecrets(input);
    assert.ok(!output.includes(secret), output);
    assert.match(output, /REDACTED/);
    if (kept) assert.ok(output.includes(kept), output);
  });
}

test('text without secrets is unchanged', () => {
  const text = 'GET https://management.azure.com/subscriptions/s/providers/Microsoft.Network/bastionHosts?api-version=2026-01-01 200';
  assert.equal(redactSecrets(text), text);
});

test('log arguments are joined and redacted, objects included', () => {
  const output = formatLogArguments(['azure:core-rest-pipeline', { headers: { authorization: `Bearer ${JWT}` } }]);
  assert.ok(!output.includes(JWT));
  assert.match(output, /^azure:core-rest-pipeline /);
});
