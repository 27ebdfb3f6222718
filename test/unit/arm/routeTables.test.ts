import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapArmResources } from '../../../src/core/arm';
import { armRoute, armRouteTable } from '../../support/arm';

test('a route table maps inline routes and BGP propagation', () => {
  const table = armRouteTable({
    name: 'rt-hub',
    disableBgpRoutePropagation: true,
    routes: [armRoute({ name: 'default-to-firewall', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.100.4' })],
  });
  const [mapped] = mapArmResources([table]).routeTables;
  assert.equal(mapped.disableBgpRoutePropagation, true);
  assert.deepEqual(mapped.routes, [
    {
      id: `${table.id}/routes/default-to-firewall`,
      name: 'default-to-firewall',
      origin: { kind: 'arm', id: `${table.id}/routes/default-to-firewall` },
      addressPrefix: '0.0.0.0/0',
      nextHopType: 'VirtualAppliance',
      nextHopIpAddress: '10.0.100.4',
    },
  ]);
});

test('separate route resources join their table; a missing table is created and reported', () => {
  const table = armRouteTable({ name: 'rt-hub' });
  const route = armRoute({ routeTable: 'rt-hub', name: 'to-internet', nextHopType: 'Internet' });
  const orphan = armRoute({ routeTable: 'rt-gone', name: 'blackhole', nextHopType: 'None' });
  const topology = mapArmResources([route, orphan, table]);
  assert.deepEqual(topology.routeTables.map((t) => [t.name, t.routes.map((r) => r.name)]), [
    ['rt-hub', ['to-internet']],
    ['rt-gone', ['blackhole']],
  ]);
  assert.equal(topology.routeTables[0].routes[0].nextHopIpAddress, undefined);
  assert.equal(topology.problems.length, 1);
  assert.match(topology.problems[0].message, /rt-gone/);
});
