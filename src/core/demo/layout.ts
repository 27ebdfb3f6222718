// Names and address plan of the demo's hub-and-spoke, shared by the files that build it.
import { DEMO_SPOKE_SUBSCRIPTION_ID, networkId, resourceGroup } from './arm';

export const HUB_RG = resourceGroup('rg-demo-hub');
export const SPOKE_APP_RG = resourceGroup('rg-demo-spoke-app');
export const SPOKE_DATA_RG = resourceGroup('rg-demo-spoke-data');
export const BRANCH_RG = resourceGroup('rg-demo-branch');
/** A landing-zone spoke: its own subscription, peered with the hub (read across subscriptions). */
export const SPOKE_CORP_RG = resourceGroup('rg-demo-spoke-corp', DEMO_SPOKE_SUBSCRIPTION_ID);

export const HUB = { id: networkId(HUB_RG, 'virtualNetworks', 'vnet-demo-hub'), prefixes: ['10.10.0.0/16'] };
export const SPOKE_APP = { id: networkId(SPOKE_APP_RG, 'virtualNetworks', 'vnet-demo-spoke-app'), prefixes: ['10.20.0.0/16'] };
export const SPOKE_DATA = { id: networkId(SPOKE_DATA_RG, 'virtualNetworks', 'vnet-demo-spoke-data'), prefixes: ['10.30.0.0/16'] };
export const SPOKE_CORP = { id: networkId(SPOKE_CORP_RG, 'virtualNetworks', 'vnet-demo-spoke-corp'), prefixes: ['10.50.0.0/16'] };
export const BRANCH = { id: networkId(BRANCH_RG, 'virtualNetworks', 'vnet-demo-branch'), prefixes: ['10.40.0.0/16'] };

export const HUB_BASTION_PREFIX = '10.10.0.0/26';
export const BRANCH_BASTION_PREFIX = '10.40.0.0/26';
