import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOMParser } from './xml';
import { HOP_COLOURS, renderConnectionPathSvg, type ConnectionPath } from '../../../src/core/report';

const path: ConnectionPath = {
  bastionHostName: 'bas-<script>alert(1)</script>',
  virtualMachineName: 'vm & "friends"',
  ports: ['3389'],
  hops: [
    { kind: 'client', title: 'Client', status: 'ok', decidedBy: 'start of the connection' },
    { kind: 'target-subnet-nsg', title: 'Target subnet NSG', status: 'blocked', decidedBy: 'nsg-<b>x</b>: DenyRdpFromHub (300, Deny)' },
    { kind: 'vm', title: 'VM', status: 'unknown', decidedBy: 'power state not read' },
  ],
};

test('the SVG is well-formed XML with one group per hop, coloured by status', () => {
  const document = new DOMParser(renderConnectionPathSvg(path));
  assert.equal(document.root.name, 'svg');
  const groups = document.all('g');
  assert.equal(groups.length, 3);
  const fills = groups.map((group) => group.children.find((child) => child.name === 'rect')?.attributes.fill);
  assert.deepEqual(fills, [HOP_COLOURS.ok, HOP_COLOURS.blocked, HOP_COLOURS.unknown]);
  assert.deepEqual([HOP_COLOURS.ok, HOP_COLOURS.blocked, HOP_COLOURS.unknown], ['#2e7d32', '#c62828', '#757575']);
});

test('each hop has a <title> naming the deciding rule, and the rule as a visible label', () => {
  const document = new DOMParser(renderConnectionPathSvg(path));
  const blocked = document.all('g')[1];
  const title = blocked.children.find((child) => child.name === 'title');
  assert.match(title?.text ?? '', /DenyRdpFromHub \(300, Deny\)/);
  const labels = blocked.children.filter((child) => child.name === 'text').map((child) => child.text).join(' ');
  assert.match(labels, /DenyRdpFromHub/);
});

test('names with markup stay text', () => {
  const svg = renderConnectionPathSvg(path);
  assert.doesNotMatch(svg, /<script/);
  assert.doesNotMatch(svg, /<b>/);
  const document = new DOMParser(svg);
  assert.equal(document.all('script').length, 0);
  const caption = document.all('text')[0];
  assert.match(caption.text, /bas-<script>alert\(1\)<\/script>/);
  assert.match(caption.text, /vm & "friends"/);
});
