// Save Snapshot / --save-snapshot never write a secret: the fields in the table are replaced
// wherever they sit, and a secret planted anywhere in any resource never reaches the file.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mapArmResources } from '../../../src/core/arm';
import { parseSnapshot, serializeSnapshot } from '../../../src/core/snapshot';
import { REDACTED, SECRET_PROPERTIES, redactResource } from '../../../src/core/snapshotRedaction';
import { hubScenario } from '../../support/arm';

const SECRET = 'Sup3r-S3cret-Value-42';
const saved = (resource: object) => serializeSnapshot([resource]);

describe('serializeSnapshot redacts secrets', () => {
  const cases: [string, object][] = [
    ['VM osProfile.adminPassword', { type: 'Microsoft.Compute/virtualMachines', properties: { osProfile: { adminUsername: 'azureuser', adminPassword: SECRET } } }],
    ['VM osProfile.customData', { properties: { osProfile: { customData: SECRET } } }],
    ['VM userData', { properties: { userData: SECRET } }],
    ['VM osProfile.secrets', { properties: { osProfile: { secrets: [{ vaultCertificates: [{ certificateUrl: `https://kv.vault.azure.net/secrets/${SECRET}` }] }] } } }],
    ['scale set virtualMachineProfile.osProfile.adminPassword', { properties: { virtualMachineProfile: { osProfile: { adminPassword: SECRET } } } }],
    ['extension protectedSettings', { type: 'Microsoft.Compute/virtualMachines/extensions', properties: { protectedSettings: { commandToExecute: SECRET } } }],
    ['extension settings.workspaceKey', { properties: { settings: { workspaceId: 'w', workspaceKey: SECRET } } }],
    ['extension settings.storageAccountKey', { properties: { settings: { storageAccountName: 'st', storageAccountKey: SECRET } } }],
    ['extension settings with a credential-like name', { properties: { settings: { dbPassword: SECRET, apiKey: SECRET, 'sas-token': SECRET } } }],
    ['run command protectedParameters', { properties: { protectedParameters: [{ name: 'x', value: SECRET }] } }],
    ['run command parameter named like a password', { properties: { parameters: [{ name: 'AdminPassword', value: SECRET }] } }],
    ['deployment parameter adminPassword', { properties: { parameters: { adminPassword: { value: SECRET } } } }],
    ['a tag named like a credential', { tags: { 'deploy-token': SECRET, owner: 'ops' } }],
    ['a SAS signature in a tag value', { tags: { uri: `https://st.blob.core.windows.net/c/b?sv=2022-11-02&se=2030-01-01&sp=r&sig=${SECRET}` } }],
    ['a SAS signature in an extension fileUri', { properties: { settings: { fileUris: [`https://st.blob.core.windows.net/s/run.sh?sig=${SECRET}&sv=1`] } } }],
    ['a storage connection string', { tags: { conn: `DefaultEndpointsProtocol=https;AccountName=st;AccountKey=${SECRET};EndpointSuffix=core.windows.net` } }],
    ['an Event Hubs connection string', { properties: { note: `Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${SECRET}` } }],
    ['a SQL connection string', { properties: { description: `Server=tcp:db;Database=x;User ID=u;Password=${SECRET};` } }],
    ['a bearer token', { tags: { header: `Bearer ${SECRET}` } }],
    ['a JWT', { tags: { t: `eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.${SECRET}` } }],
    ['a PEM private key', { properties: { settings: { key: `-----BEGIN RSA PRIVATE KEY-----\nMII${SECRET}\n-----END RSA PRIVATE KEY-----` } } }],
  ];
  for (const [what, resource] of cases) {
    it(what, () => {
      const text = saved(resource);
      assert.doesNotMatch(text, new RegExp(SECRET), text);
      assert.match(text, new RegExp(REDACTED.replace(/[[\]]/g, '\\$&')));
    });
  }

  it('keeps what the diagnosis reads: the same topology before and after', () => {
    const { resources } = hubScenario();
    const reread = parseSnapshot(serializeSnapshot(resources), 'snap.json');
    assert.ok(reread.ok);
    const before = mapArmResources(resources, {});
    const after = mapArmResources(reread.resources, {});
    assert.deepEqual(JSON.parse(JSON.stringify(after)), JSON.parse(JSON.stringify(before)));
  });

  it('keeps names that only look alike (monkey, turkey, keyVault ids, public SSH keys)', () => {
    const resource = { tags: { monkey: 'a', turkey: 'b' }, properties: { osProfile: { linuxConfiguration: { ssh: { publicKeys: [{ keyData: 'ssh-rsa AAAA' }] } } } } };
    assert.deepEqual(redactResource(resource), resource);
  });

  it('does not change its input', () => {
    const resource = { properties: { osProfile: { adminPassword: SECRET } } };
    redactResource(resource);
    assert.equal(resource.properties.osProfile.adminPassword, SECRET);
  });
});

describe('a secret planted anywhere never survives', () => {
  const key = fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k !== '__proto__');
  const json = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(key, tie('value'), { maxKeys: 3 })),
  })).value;
  /** Ways a secret shows up in ARM JSON: under a secret property, as a SAS signature, in a connection string, a tag. */
  const plantings: ((secret: string) => { key: string; value: unknown })[] = [
    ...SECRET_PROPERTIES.map((name) => (secret: string) => ({ key: name, value: secret })),
    ...SECRET_PROPERTIES.map((name) => (secret: string) => ({ key: name, value: { nested: [secret] } })),
    (secret) => ({ key: 'uri', value: `https://x.blob.core.windows.net/c?sp=r&sig=${secret}` }),
    (secret) => ({ key: 'conn', value: `AccountName=a;AccountKey=${secret};` }),
    (secret) => ({ key: 'conn', value: `Endpoint=sb://n/;SharedAccessKey=${secret}` }),
    (secret) => ({ key: 'tags', value: { clientSecret: secret } }),
  ];
  const secret = fc.stringMatching(/^[A-Za-z0-9+/]{16,24}$/).map((s) => `zz${s}`);

  /** Puts `entry` into the object at the path chosen by `choices`, creating objects on the way. */
  function plant(root: unknown, entry: { key: string; value: unknown }, choices: number[]): Record<string, unknown> {
    const top: Record<string, unknown> = root !== null && typeof root === 'object' && !Array.isArray(root) ? { ...(root as object) } : { value: root };
    let here: Record<string, unknown> = top;
    for (const choice of choices) {
      const objects = Object.entries(here).filter(([k, v]) => k !== '__proto__' && v !== null && typeof v === 'object' && !Array.isArray(v));
      if (objects.length === 0) break;
      const [name, inner] = objects[choice % objects.length];
      here[name] = { ...(inner as object) };
      here = here[name] as Record<string, unknown>;
    }
    here[entry.key] = entry.value;
    return top;
  }

  it('in any resource, at any depth, in any of the forms', () => {
    fc.assert(
      fc.property(json, fc.integer({ min: 0, max: plantings.length - 1 }), fc.array(fc.nat(), { maxLength: 4 }), secret, (root, form, path, planted) => {
        const resource = plant(root, plantings[form](planted), path);
        const text = serializeSnapshot([resource]);
        assert.ok(!text.includes(planted), `${planted} survived in ${text}`);
      }),
      { numRuns: 400, seed: 16 },
    );
  });
});
