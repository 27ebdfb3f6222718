// The VMs: healthy ones in the hub and spoke-app, one RDP target behind the spoke-app deny, one
// deallocated, one behind the half-made peering, one in the branch, and a healthy one in the
// spoke of the second subscription.
import { subnetId, vmWithNic, type ArmResource, type VmSpec } from './arm';
import { BRANCH, BRANCH_RG, HUB, HUB_RG, SPOKE_APP, SPOKE_APP_RG, SPOKE_CORP, SPOKE_CORP_RG, SPOKE_DATA, SPOKE_DATA_RG } from './layout';

const HUB_WORKLOAD = subnetId(HUB.id, 'snet-demo-hub-workload');
const APP = subnetId(SPOKE_APP.id, 'snet-demo-app');
const DATA = subnetId(SPOKE_DATA.id, 'snet-demo-data');
const BRANCH_APP = subnetId(BRANCH.id, 'snet-demo-branch-app');
const CORP = subnetId(SPOKE_CORP.id, 'snet-demo-corp');

const VMS: VmSpec[] = [
  { resourceGroup: HUB_RG, name: 'vm-demo-hub-jump01', os: 'Linux', subnetId: HUB_WORKLOAD, privateIp: '10.10.1.4', powerState: 'running' },
  { resourceGroup: HUB_RG, name: 'vm-demo-hub-dc01', os: 'Windows', subnetId: HUB_WORKLOAD, privateIp: '10.10.1.5', powerState: 'running' },
  { resourceGroup: SPOKE_APP_RG, name: 'vm-demo-app-web01', os: 'Linux', subnetId: APP, privateIp: '10.20.1.4', powerState: 'running' },
  { resourceGroup: SPOKE_APP_RG, name: 'vm-demo-app-win01', os: 'Windows', subnetId: APP, privateIp: '10.20.1.5', powerState: 'running' },
  { resourceGroup: SPOKE_APP_RG, name: 'vm-demo-app-batch01', os: 'Linux', subnetId: APP, privateIp: '10.20.1.6', powerState: 'deallocated' },
  { resourceGroup: SPOKE_DATA_RG, name: 'vm-demo-data-sql01', os: 'Windows', subnetId: DATA, privateIp: '10.30.1.4', powerState: 'running' },
  { resourceGroup: SPOKE_CORP_RG, name: 'vm-demo-corp-app01', os: 'Linux', subnetId: CORP, privateIp: '10.50.1.4', powerState: 'running' },
  { resourceGroup: BRANCH_RG, name: 'vm-demo-branch-app01', os: 'Linux', subnetId: BRANCH_APP, privateIp: '10.40.1.4', powerState: 'running' },
];

export function vmResources(): ArmResource[] {
  return VMS.flatMap(vmWithNic);
}
