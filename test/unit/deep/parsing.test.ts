import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildAuditLogQuery, buildFailedLoginQuery, rowsOf, summariseAuditLog } from '../../../src/azure/deep/auditLogs';
import { guestFindings, guestScriptFor, guestScriptOf, LINUX_GUEST_SCRIPT, parseGuestOutput, WINDOWS_GUEST_SCRIPT, type GuestState } from '../../../src/azure/deep/runCommand';
import { firstUsableAddress, isVmStopped } from '../../../src/azure/deep/target';
import type { ResolvedTarget } from '../../../src/azure/deep/target';

const VM_ID = '/subscriptions/8c56d827-5f07-45ce-8f2b-6c5001db5c6f/resourceGroups/rg-spoke/providers/Microsoft.Compute/virtualMachines/vm-app-01';

describe('audit log KQL', () => {
  it('filters the documented table to the target by id or IP, projects documented columns only', () => {
    const kql = buildAuditLogQuery({ vmId: VM_ID, vmIps: ['10.1.1.4'], hours: 48 });
    assert.equal(kql.split('\n')[0], 'MicrosoftAzureBastionAuditLogs');
    assert.match(kql, /\| where TimeGenerated > ago\(48h\)/);
    assert.match(kql, new RegExp(`TargetResourceId =~ '${VM_ID}' or TargetVMIPAddress in \\('10.1.1.4'\\)`));
    assert.doesNotMatch(kql, /ResultType|ResultDescription/);
  });
  it('quotes values so an id cannot break out of the string', () => {
    assert.match(buildAuditLogQuery({ vmId: "/x/it's" }), /=~ '\/x\/it\\'s'/);
  });
  it('without a VM it queries the whole host', () => {
    assert.doesNotMatch(buildAuditLogQuery({}), /TargetResourceId =~|TargetVMIPAddress in/);
  });
  it('the failed-login query uses Message has "Login Failed"', () => {
    assert.match(buildFailedLoginQuery({ vmIps: ['10.1.1.4'] }), /\| where Message has "Login Failed"/);
  });
});

describe('audit log rows and summary', () => {
  it('reads rows by column name, whatever the order', () => {
    const rows = rowsOf({ name: 'PrimaryResult', columnDescriptors: [{ name: 'Message', type: 'string' }, { name: 'TimeGenerated', type: 'datetime' }, { name: 'ClientIpAddress', type: 'string' }], rows: [['Login Failed', new Date('2026-01-10T08:30:00Z'), '198.51.100.7']] });
    assert.deepEqual(rows[0], { timeGenerated: '2026-01-10T08:30:00.000Z', message: 'Login Failed', clientIpAddress: '198.51.100.7', userName: undefined, protocol: undefined, targetResourceId: undefined, targetVmIpAddress: undefined, operationName: undefined });
  });
  it('counts failures, finds the last success and the distinct client IPs', () => {
    const summary = summariseAuditLog([
      { timeGenerated: '2026-01-10T08:00:00Z', message: 'Successfully Connected.', clientIpAddress: '203.0.113.10' },
      { timeGenerated: '2026-01-10T09:00:00Z', message: 'Successfully Connected.', clientIpAddress: '203.0.113.10' },
      { timeGenerated: '2026-01-10T08:30:00Z', message: 'Login Failed', clientIpAddress: '198.51.100.7', userName: 'mallory' },
    ]);
    assert.deepEqual(summary, { rows: 3, failedLogins: 1, lastSuccess: '2026-01-10T09:00:00Z', lastFailure: '2026-01-10T08:30:00Z', clientIps: ['198.51.100.7', '203.0.113.10'], users: ['mallory'] });
  });
});

describe('guest scripts', () => {
  it('are read-only: nothing that starts, stops, sets or writes', () => {
    for (const script of [LINUX_GUEST_SCRIPT, WINDOWS_GUEST_SCRIPT]) {
      assert.doesNotMatch(script, /\b(start|stop|restart|enable|disable)\b(?!-)|Set-|New-|Remove-|Restart-|Start-Service|Stop-Service|>\s*\/(?!dev\/null)/i);
    }
  });
  it('substitutes only a numeric port', () => {
    assert.match(guestScriptFor('Linux', '2222').script, /^PORT=2222$/m);
    assert.match(guestScriptFor('Linux', '22; rm -rf /').script, /^PORT=22$/m);
    assert.equal(guestScriptFor('Windows', '3389').commandId, 'RunPowerShellScript');
  });
  it('guestScriptOf names the script and port inspectGuest sends (what the confirmation shows)', () => {
    const vm = (osType?: 'Linux' | 'Windows') => ({ id: VM_ID, name: 'vm-app-01', osType }) as ResolvedTarget['vm'];
    assert.deepEqual(guestScriptOf({ vm: vm('Linux'), ports: ['22', '2222'] }), { script: guestScriptFor('Linux', '22'), port: '22' });
    assert.deepEqual(guestScriptOf({ vm: vm('Windows'), ports: ['3389'] }), { script: guestScriptFor('Windows', '3389'), port: '3389' });
    assert.equal(guestScriptOf({ vm: vm(undefined), ports: ['22', '3389'] }), undefined);
    assert.equal(guestScriptOf({ vm: undefined, ports: [] }), undefined);
  });
  it('parses key=value lines, CRLF included', () => {
    assert.deepEqual(parseGuestOutput('service=Running\r\nport=3390\r\nlistening=yes\r\nrdpDisabled=no\r\nlogonFailures=17\r\n'), { service: 'running', port: '3390', listening: true, rdpDisabled: false, logonFailures: 17 });
  });
});

describe('guest findings', () => {
  const target = { vm: { id: VM_ID, name: 'vm-app-01' } } as unknown as ResolvedTarget;
  const cases: { os: 'Linux' | 'Windows'; state: GuestState; expect?: RegExp }[] = [
    { os: 'Linux', state: { service: 'active', listening: true } },
    { os: 'Linux', state: { service: 'inactive', listening: false }, expect: /sshd on vm-app-01 is inactive/ },
    { os: 'Linux', state: { service: 'active', listening: false }, expect: /nothing listens on TCP 22/ },
    { os: 'Windows', state: { service: 'running', port: '3389', listening: true, rdpDisabled: false } },
    { os: 'Windows', state: { service: 'stopped', port: '3389', listening: false }, expect: /TermService\) on vm-app-01 is stopped/ },
    { os: 'Windows', state: { service: 'running', port: '3389', listening: true, rdpDisabled: true }, expect: /fDenyTSConnections/ },
    { os: 'Windows', state: { service: 'running', port: '3390', listening: true, rdpDisabled: false }, expect: /listens for RDP on 3390.*Bastion connects on 3389/ },
  ];
  for (const c of cases) {
    it(`${c.os} ${JSON.stringify(c.state)}`, () => {
      const findings = guestFindings({ context: {}, target }, c.os, c.os === 'Linux' ? '22' : '3389', c.state);
      if (!c.expect) return assert.deepEqual(findings, []);
      assert.equal(findings.length, 1);
      assert.equal(findings[0].rule, 'vm-guest-not-listening');
      assert.match(findings[0].message, c.expect);
    });
  }
});

describe('target helpers', () => {
  const table: [string | undefined, string | undefined][] = [['10.0.1.0/26', '10.0.1.4'], ['10.0.1.64/26', '10.0.1.68'], ['10.0.1.5/26', '10.0.1.4'], ['nonsense', undefined], [undefined, undefined]];
  for (const [prefix, expected] of table) it(`first usable address of ${prefix}`, () => assert.equal(firstUsableAddress(prefix), expected));
  it('a VM of unknown power state is not treated as stopped', () => {
    assert.equal(isVmStopped({ powerState: undefined } as never), false);
    assert.equal(isVmStopped({ powerState: 'deallocated' } as never), true);
    assert.equal(isVmStopped({ powerState: 'running' } as never), false);
  });
});
