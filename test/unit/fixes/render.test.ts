import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildFix, renderRemedy } from '../../../src/core/fixes/index';
import type { Remedy, SnippetLanguage } from '../../../src/core/findings';
import { BASTION_ID, HTTPS_INBOUND, NSG_ID, REMEDIES } from './remedies';

const ALL: SnippetLanguage[] = ['azcli', 'powershell', 'arm', 'bicep', 'terraform'];

/** Which languages each remedy kind renders, and a fact every snippet of that kind must state. */
const EXPECTED: Record<Remedy['kind'], { languages: SnippetLanguage[]; facts: Partial<Record<SnippetLanguage, RegExp[]>> }> = {
  'add-security-rules': {
    languages: ALL,
    facts: {
      azcli: [/az network nsg rule create/, /--source-address-prefixes Internet/, /--destination-port-ranges 8080 5701/],
      powershell: [/Add-AzNetworkSecurityRuleConfig -Name 'AllowHttpsInbound'/, /-DestinationPortRange '8080','5701'/, /Set-AzNetworkSecurityGroup$/],
      bicep: [/parent: nsg/, /sourceAddressPrefix: 'Internet'/, /destinationPortRanges: \[\n\s+'8080'\n\s+'5701'/],
      terraform: [/resource "azurerm_network_security_rule" "allow_https_inbound"/, /destination_port_ranges\s+= \["8080", "5701"\]/],
    },
  },
  'set-rule-priority': {
    languages: ALL,
    facts: {
      azcli: [/az network nsg rule update/, /--name AllowGatewayManager/, /--priority 140/],
      powershell: [/Where-Object Name -eq 'AllowGatewayManager'\)\.Priority = 140/],
      bicep: [/^priority: 140$/m],
      terraform: [/^priority = 140$/m],
    },
  },
  'dissociate-route-table': {
    languages: ['azcli', 'powershell'],
    facts: { azcli: [/--vnet-name vnet-hub/, /--remove routeTable/], powershell: [/\$subnet\.RouteTable = \$null/, /Set-AzVirtualNetwork/] },
  },
  'set-bastion-property': {
    languages: ALL,
    facts: {
      azcli: [/az network bastion update/, /--enable-tunneling true/],
      powershell: [/Set-AzBastion -InputObject \$bastion -EnableTunneling \$true/],
      bicep: [/^enableTunneling: true$/m],
      terraform: [/^tunneling_enabled = true$/m],
    },
  },
  'upgrade-bastion-sku': {
    languages: ALL,
    facts: { azcli: [/--sku name=Standard/], powershell: [/-Sku 'Standard'/], bicep: [/name: 'Standard'/], terraform: [/^sku = "Standard"$/m] },
  },
  'reapply-bastion': {
    languages: ['azcli', 'powershell'],
    facts: {
      azcli: [/az resource update/, new RegExp(`--ids ${BASTION_ID}`)],
      powershell: [/\$bastion = Get-AzBastion -ResourceGroupName 'rg-hub' -Name 'bas-hub'\nSet-AzBastion -InputObject \$bastion$/],
    },
  },
  'enable-bastion-diagnostics': {
    languages: ALL,
    facts: {
      azcli: [/az monitor diagnostic-settings create/, /--workspace "\$WORKSPACE_ID"/, /BastionAuditLogs/, /\$\{WORKSPACE_ID:\?/],
      powershell: [/-Category 'BastionAuditLogs'/, /-WorkspaceId \$WorkspaceId/, /if \(-not \$WorkspaceId\)/],
      bicep: [/param logAnalyticsWorkspaceId string/, /scope: bastion/, /category: 'BastionAuditLogs'/],
      terraform: [/variable "log_analytics_workspace_id"/, /enabled_log \{\n\s+category = "BastionAuditLogs"/],
    },
  },
  'start-vm': {
    languages: ['azcli', 'powershell'],
    facts: { azcli: [/az vm start/, /--resource-group rg-spoke/, /--name vm-app01/], powershell: [/Start-AzVM -ResourceGroupName 'rg-spoke' -Name 'vm-app01'/] },
  },
  'resize-bastion-subnet': {
    languages: ALL,
    facts: {
      azcli: [/az network bastion delete/, /--address-prefixes 10\.0\.1\.0\/26/],
      powershell: [/Remove-AzBastion/, /\$subnet\.AddressPrefix = @\('10\.0\.1\.0\/26'\)/],
      bicep: [/addressPrefix: '10\.0\.1\.0\/26'/],
      terraform: [/address_prefixes = \["10\.0\.1\.0\/26"\]/],
    },
  },
  'create-vnet-peering': {
    languages: ALL,
    facts: {
      azcli: [/--name vnet-hub-to-vnet-spoke/, /--name vnet-spoke-to-vnet-hub/, /--allow-vnet-access/],
      powershell: [/Add-AzVirtualNetworkPeering -Name 'vnet-hub-to-vnet-spoke'/, /Add-AzVirtualNetworkPeering -Name 'vnet-spoke-to-vnet-hub'/],
      bicep: [/virtualNetworkPeerings@/, /allowVirtualNetworkAccess: true/],
      terraform: [/azurerm_virtual_network_peering/, /allow_virtual_network_access = true/],
    },
  },
  'unlink-private-dns-zone': {
    languages: ['azcli', 'powershell'],
    facts: {
      azcli: [/az network private-dns link vnet delete/, /--zone-name blob\.core\.windows\.net/, /--name hub-link/],
      powershell: [/Remove-AzPrivateDnsVirtualNetworkLink -ResourceGroupName 'rg-dns' -ZoneName 'blob\.core\.windows\.net' -Name 'hub-link'/],
    },
  },
  'use-public-ip': {
    languages: ALL,
    facts: {
      azcli: [/az network public-ip create/, /--sku Standard/, /--allocation-method Static/],
      powershell: [/New-AzPublicIpAddress .*-Sku Standard -AllocationMethod Static/],
      bicep: [/publicIPAllocationMethod: 'Static'/],
      terraform: [/allocation_method\s+= "Static"/, /sku\s+= "Standard"/],
    },
  },
  'set-api-version': { languages: ['arm', 'bicep'], facts: { bicep: [/'Microsoft\.Network\/bastionHosts@2024-05-01'/] } },
  manual: { languages: [], facts: {} },
};

void describe('renderRemedy, every remedy kind', () => {
  for (const [kind, remedy] of Object.entries(REMEDIES) as [Remedy['kind'], Remedy][]) {
    const expected = EXPECTED[kind];
    const snippets = renderRemedy(remedy);

    void it(`${kind}: renders exactly ${expected.languages.join(', ') || 'nothing'}`, () => {
      assert.deepEqual(Object.keys(snippets).sort(), [...expected.languages].sort());
      for (const language of expected.languages) assert.ok((snippets[language] ?? '').trim().length > 0, language);
    });

    void it(`${kind}: every snippet states the key facts`, () => {
      for (const [language, patterns] of Object.entries(expected.facts) as [SnippetLanguage, RegExp[]][]) {
        for (const pattern of patterns) assert.match(snippets[language] ?? '', pattern, `${language} lacks ${pattern}`);
      }
    });

    if (snippets.arm !== undefined) {
      void it(`${kind}: ARM snippet is valid JSON`, () => {
        assert.doesNotThrow(() => JSON.parse(snippets.arm ?? ''));
      });
    }
  }
});

void describe('add-security-rules', () => {
  const remedy: Remedy = { kind: 'add-security-rules', nsg: { id: NSG_ID, name: 'nsg-bastion' }, rules: [HTTPS_INBOUND] };

  void it('az CLI output is exactly as expected', () => {
    assert.equal(
      renderRemedy(remedy).azcli,
      [
        'az network nsg rule create',
        '--subscription 6a0d3b2c-1f4e-4c8a-9b7d-2e5f8a1c3d90',
        '--resource-group rg-hub',
        '--nsg-name nsg-bastion',
        '--name AllowHttpsInbound',
        '--priority 140',
        '--direction Inbound',
        '--access Allow',
        '--protocol Tcp',
        '--source-address-prefixes Internet',
        "--source-port-ranges '*'",
        "--destination-address-prefixes '*'",
        '--destination-port-ranges 443',
        "--description 'Azure Bastion: browser and native-client sessions'",
      ].join(' \\\n  '),
    );
  });

  void it('Terraform output is exactly as expected', () => {
    assert.equal(
      renderRemedy(remedy).terraform,
      `# If the NSG declares its rules inline (security_rule blocks), add these as security_rule blocks there instead: azurerm does not support mixing both.
resource "azurerm_network_security_rule" "allow_https_inbound" {
  name                        = "AllowHttpsInbound"
  resource_group_name         = "rg-hub"
  network_security_group_name = "nsg-bastion"
  priority                    = 140
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "443"
  source_address_prefix       = "Internet"
  destination_address_prefix  = "*"
  description                 = "Azure Bastion: browser and native-client sessions"
}`,
    );
  });

  void it('uses the Internet tag, never *, as the source of inbound 443 in every language', () => {
    const snippets = renderRemedy(remedy);
    assert.match(snippets.azcli ?? '', /--source-address-prefixes Internet\b/);
    assert.doesNotMatch(snippets.azcli ?? '', /--source-address-prefixes '\*'/);
    assert.match(snippets.powershell ?? '', /-SourceAddressPrefix 'Internet'/);
    assert.match(snippets.bicep ?? '', /sourceAddressPrefix: 'Internet'/);
    assert.match(snippets.terraform ?? '', /source_address_prefix\s+= "Internet"/);
    const [rule] = JSON.parse(snippets.arm ?? '') as { properties: Record<string, unknown> }[];
    assert.equal(rule.properties.sourceAddressPrefix, 'Internet');
    assert.equal(rule.properties.destinationPortRange, '443');
  });

  void it('ARM child resources carry every rule field', () => {
    const resources = JSON.parse(renderRemedy(REMEDIES['add-security-rules']).arm ?? '') as Record<string, unknown>[];
    assert.equal(resources.length, 2);
    assert.deepEqual(resources[1], {
      type: 'Microsoft.Network/networkSecurityGroups/securityRules',
      apiVersion: '2024-05-01',
      name: 'nsg-bastion/AllowBastionHostCommunication',
      properties: {
        description: 'Azure Bastion: data plane',
        priority: 141,
        direction: 'Inbound',
        access: 'Allow',
        protocol: '*',
        sourceAddressPrefix: 'VirtualNetwork',
        sourcePortRange: '*',
        destinationAddressPrefix: 'VirtualNetwork',
        destinationPortRanges: ['8080', '5701'],
      },
    });
  });

  void it('notes explain each priority against the deny it precedes', () => {
    const fix = buildFix('Add the missing rules', REMEDIES['add-security-rules']);
    assert.ok(fix.notes?.includes('Priority 140 places AllowHttpsInbound before DenyAllInternet (150).'));
    assert.ok(fix.notes?.some((n) => n.startsWith('Priority 141 for AllowBastionHostCommunication')));
  });
});

void describe('Bastion properties', () => {
  const bastion = { id: BASTION_ID, name: 'bas-hub' };
  const cases: { property: Extract<Remedy, { kind: 'set-bastion-property' }>['property']; value: boolean | number; az: string; tf: string; ps: RegExp }[] = [
    { property: 'enableIpConnect', value: true, az: '--enable-ip-connect true', tf: 'ip_connect_enabled = true', ps: /-EnableIpConnect \$true/ },
    { property: 'enableShareableLink', value: true, az: '--enable-shareable-link true', tf: 'shareable_link_enabled = true', ps: /-EnableShareableLink \$true/ },
    { property: 'enableFileCopy', value: true, az: '--enable-file-copy true', tf: 'file_copy_enabled = true', ps: /\$resource\.Properties \| Add-Member -NotePropertyName enableFileCopy -NotePropertyValue \$true -Force\n\$resource \| Set-AzResource/ },
    { property: 'disableCopyPaste', value: true, az: '--disable-copy-paste true', tf: 'copy_paste_enabled = false', ps: /-DisableCopyPaste \$true/ },
    { property: 'disableCopyPaste', value: false, az: '--disable-copy-paste false', tf: 'copy_paste_enabled = true', ps: /-DisableCopyPaste \$false/ },
    { property: 'enableKerberos', value: true, az: '--enable-kerberos true', tf: 'kerberos_enabled = true', ps: /-EnableKerberos \$true/ },
    { property: 'enableSessionRecording', value: true, az: '--enable-session-recording true', tf: 'session_recording_enabled = true', ps: /-EnableSessionRecording \$true/ },
    { property: 'scaleUnits', value: 4, az: '--scale-units 4', tf: 'scale_units = 4', ps: /-ScaleUnit 4/ },
  ];
  for (const c of cases) {
    void it(`${c.property}=${c.value} uses the right flag, cmdlet parameter and azurerm argument`, () => {
      const snippets = renderRemedy({ kind: 'set-bastion-property', bastion, property: c.property, value: c.value });
      assert.ok(snippets.azcli?.endsWith(c.az), snippets.azcli);
      assert.ok(snippets.terraform?.endsWith(c.tf), snippets.terraform);
      assert.match(snippets.powershell ?? '', c.ps);
      const [resource] = JSON.parse(snippets.arm ?? '') as { properties: Record<string, unknown> }[];
      assert.equal(resource.properties[c.property], c.value);
    });
  }

  void it('warns that changing scale units disrupts sessions', () => {
    const fix = buildFix('Scale', { kind: 'set-bastion-property', bastion, property: 'scaleUnits', value: 4 });
    assert.ok(fix.notes?.some((n) => /disrupts active Bastion connections/.test(n)));
  });
});

void describe('disruption and input notes', () => {
  void it('SKU upgrade: about 10 minutes, may disrupt, no downgrade', () => {
    const notes = buildFix('Upgrade', REMEDIES['upgrade-bastion-sku']).notes ?? [];
    assert.ok(notes.some((n) => /about 10 minutes/.test(n) && /disrupt/.test(n)));
    assert.ok(notes.some((n) => /downgrade is not possible/i.test(n)));
  });

  void it('Developer upgrade: subnet and public IP first', () => {
    const notes = buildFix('Upgrade', { kind: 'upgrade-bastion-sku', bastion: { id: BASTION_ID, name: 'bas-hub' }, fromSku: 'Developer', toSku: 'Standard' }).notes ?? [];
    assert.match(notes[0], /AzureBastionSubnet \(\/26 or larger\)/);
  });

  void it('resize: delete and redeploy Bastion', () => {
    const notes = buildFix('Resize', REMEDIES['resize-bastion-subnet']).notes ?? [];
    assert.ok(notes.some((n) => /delete the Bastion host, resize AzureBastionSubnet, then redeploy/.test(n)));
  });

  void it('diagnostics: names the workspace variable in every language', () => {
    const notes = buildFix('Logs', REMEDIES['enable-bastion-diagnostics']).notes ?? [];
    assert.match(notes[0], /WORKSPACE_ID .*\$WorkspaceId.*logAnalyticsWorkspaceId.*var\.log_analytics_workspace_id/);
  });

  void it('keeps the caller notes first', () => {
    const notes = buildFix('Start', REMEDIES['start-vm'], ['The VM is deallocated.']).notes ?? [];
    assert.equal(notes[0], 'The VM is deallocated.');
  });

  void it('a manual fix has no snippets and no invented notes', () => {
    const fix = buildFix('Allow WebSockets', REMEDIES.manual);
    assert.deepEqual(fix.snippets, {});
    assert.equal(fix.notes, undefined);
  });
});

void describe('template findings (ids without subscription or resource group)', () => {
  const remedy: Remedy = {
    kind: 'add-security-rules',
    nsg: { id: '/providers/Microsoft.Network/networkSecurityGroups/nsg-bastion', name: 'nsg-bastion' },
    rules: [HTTPS_INBOUND],
  };
  const snippets = renderRemedy(remedy);

  void it('asks for the resource group instead of inventing one', () => {
    assert.match(snippets.azcli ?? '', /^\[ -n "\$\{RESOURCE_GROUP-\}" \] \|\| : \$\{RESOURCE_GROUP:\?'set RESOURCE_GROUP to the resource group of the NSG'\}/);
    assert.match(snippets.azcli ?? '', /--resource-group "\$RESOURCE_GROUP"/);
    assert.doesNotMatch(snippets.azcli ?? '', /--subscription/);
    assert.match(snippets.powershell ?? '', /^if \(-not \$ResourceGroupName\)/);
    assert.match(snippets.terraform ?? '', /resource_group_name\s+= var\.resource_group_name/);
    assert.match(snippets.terraform ?? '', /variable "resource_group_name"/);
  });

  void it('asks for a full resource id where a command needs one', () => {
    const diagnostics = renderRemedy({ kind: 'enable-bastion-diagnostics', bastion: { id: '/providers/Microsoft.Network/bastionHosts/bas', name: 'bas' } });
    assert.match(diagnostics.azcli ?? '', /--resource "\$BASTION_ID"/);
    assert.match(diagnostics.terraform ?? '', /target_resource_id\s+= var\.bastion_host_id/);
    assert.match(diagnostics.arm ?? '', /"scope": "Microsoft\.Network\/bastionHosts\/bas"/);
  });
});

void describe('hostile names in template languages', () => {
  const name = "it's \"${x}\" %{y} [z]";
  const remedy: Remedy = {
    kind: 'add-security-rules',
    nsg: { id: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg`, name: 'nsg' },
    rules: [{ ...HTTPS_INBOUND, description: name, placedBefore: undefined }],
  };
  const snippets = renderRemedy(remedy);

  void it('ARM keeps the value literal', () => {
    const [rule] = JSON.parse(snippets.arm ?? '') as { properties: Record<string, unknown> }[];
    assert.equal(rule.properties.description, name);
  });

  void it('Terraform escapes quotes and template sequences', () => {
    assert.match(snippets.terraform ?? '', /description\s+= "it's \\"\$\$\{x\}\\" %%\{y\} \[z\]"/);
  });

  void it('Bicep escapes quotes and interpolation', () => {
    assert.match(snippets.bicep ?? '', /description: 'it\\'s "\\\$\{x\}" %\{y\} \[z\]'/);
  });
});
