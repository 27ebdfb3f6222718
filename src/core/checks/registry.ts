// Every catalog check, in the order they run (the report is sorted afterwards).
import { apiVersionCheck } from './apiVersion';
import { auditLogCheck } from './auditLogs';
import { bastionSubnetMissingCheck, bastionSubnetTooSmallCheck } from './bastionSubnet';
import { bastionSubnetNsgCheck } from './bastionSubnetNsg';
import { diagnosticsCheck } from './diagnostics';
import { forcedTunnelCheck } from './forcedTunnel';
import { ipFlowCheck } from './ipFlow';
import { nativeClientCheck } from './nativeClient';
import { privateDnsCheck } from './privateDns';
import { provisioningStateCheck } from './provisioningState';
import { publicIpCheck } from './publicIp';
import { bastionSubnetRouteTableCheck } from './routeTable';
import { skuFeatureCheck } from './skuFeatures';
import { sourceProblemsCheck } from './sourceProblems';
import type { Check } from './types';
import { vmNsgCheck } from './vmNsg';
import { vmPowerCheck } from './vmPower';
import { vmReachabilityCheck } from './vmReachability';

export const ALL_CHECKS: readonly Check[] = [
  sourceProblemsCheck,
  provisioningStateCheck,
  skuFeatureCheck,
  nativeClientCheck,
  publicIpCheck,
  apiVersionCheck,
  bastionSubnetMissingCheck,
  diagnosticsCheck,
  privateDnsCheck,
  forcedTunnelCheck,
  bastionSubnetTooSmallCheck,
  bastionSubnetNsgCheck,
  bastionSubnetRouteTableCheck,
  vmReachabilityCheck,
  vmPowerCheck,
  vmNsgCheck,
  ipFlowCheck,
  auditLogCheck,
];
