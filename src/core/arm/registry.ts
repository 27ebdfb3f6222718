// The topology under construction plus an id index per element kind, so every lookup is O(1).
import {
  emptyTopology,
  type BastionHost,
  type DiagnosticSetting,
  type NetworkInterface,
  type NetworkSecurityGroup,
  type PrivateDnsZoneLink,
  type PublicIpAddress,
  type Route,
  type RouteTable,
  type SecurityRule,
  type Subnet,
  type Topology,
  type VirtualMachine,
  type VirtualNetwork,
  type VirtualNetworkPeering,
} from '../model';
import { ElementIndex } from './context';

export class Registry {
  readonly topology: Topology = emptyTopology();
  readonly bastionHosts = new ElementIndex<BastionHost>();
  readonly virtualNetworks = new ElementIndex<VirtualNetwork>();
  readonly subnets = new ElementIndex<Subnet>();
  readonly peerings = new ElementIndex<VirtualNetworkPeering>();
  readonly networkSecurityGroups = new ElementIndex<NetworkSecurityGroup>();
  readonly securityRules = new ElementIndex<SecurityRule>();
  readonly routeTables = new ElementIndex<RouteTable>();
  readonly routes = new ElementIndex<Route>();
  readonly networkInterfaces = new ElementIndex<NetworkInterface>();
  readonly virtualMachines = new ElementIndex<VirtualMachine>();
  readonly publicIpAddresses = new ElementIndex<PublicIpAddress>();
  readonly diagnosticSettings = new ElementIndex<DiagnosticSetting>();
  readonly privateDnsZoneLinks = new ElementIndex<PrivateDnsZoneLink>();
}
