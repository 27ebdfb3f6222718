// Which NSG instances a separate azurerm_network_security_rule could belong to when its
// network_security_group_name / resource_group_name do not name one NSG of the module for sure.
import type { NetworkSecurityGroup } from '../../../core/model';
import type { ResourceInstance } from '../module';
import { referencedLabels } from '../references';
import { Unknown, type Value } from '../values';

export const NSG_TYPE = 'azurerm_network_security_group';

interface GroupInstance {
  nsg: NetworkSecurityGroup;
  address: string;
  label: string;
  name: Value;
  resourceGroup: Value;
}

/** Whether two values of one argument agree: yes, no, or why it is not known. */
type Agreement = true | false | string;

function agreement(ruleValue: Value | undefined, nsgValue: Value | undefined, what: string, nsgAddress: string): Agreement {
  if (ruleValue instanceof Unknown) return `the rule's ${what} is not known (${ruleValue.reason})`;
  if (nsgValue instanceof Unknown) return `the ${what} of ${nsgAddress} is not known (${nsgValue.reason})`;
  if (typeof ruleValue !== 'string' || typeof nsgValue !== 'string') return false;
  return ruleValue.toLowerCase() === nsgValue.toLowerCase();
}

export interface PossibleParent {
  nsg: NetworkSecurityGroup;
  /** Why it is not known whether the rule is this NSG's. */
  reason: string;
}

export class SecurityGroupInstances {
  private readonly instances: GroupInstance[] = [];

  add(nsg: NetworkSecurityGroup, instance: ResourceInstance): void {
    const { value } = instance;
    this.instances.push({ nsg, address: instance.address, label: instance.declaration.name, name: value.name, resourceGroup: value.resource_group_name });
  }

  /** The NSGs of the given resource labels; every NSG of the module when none is given. */
  declaredBy(labels: readonly string[]): NetworkSecurityGroup[] {
    return this.ofLabels(labels).map((group) => group.nsg);
  }

  private ofLabels(labels: readonly string[]): GroupInstance[] {
    return labels.length === 0 ? this.instances : this.instances.filter((group) => labels.includes(group.label));
  }

  /**
   * The NSGs the rule may belong to, each with why that is not decided. A rule naming an instance
   * (`azurerm_network_security_group.x[0].name`) can only be that instance's; a rule whose NSG
   * name is unknown can be any NSG its expression refers to, or any NSG of the module.
   */
  possibleParents(rule: ResourceInstance): PossibleParent[] {
    const parent = rule.value.network_security_group_name;
    const named = parent instanceof Unknown ? parent.attributeOf : undefined;
    const owner = rule.declaration.block.body.attributes.get('network_security_group_name');
    const candidates = named?.attribute === 'name'
      ? this.instances.filter((group) => group.address === named.address)
      : this.ofLabels(owner && parent instanceof Unknown ? referencedLabels(owner.value, NSG_TYPE) : []);
    const possible: PossibleParent[] = [];
    for (const group of candidates) {
      const name = named ? true : agreement(parent, group.name, 'NSG name', group.address);
      const resourceGroup = agreement(rule.value.resource_group_name, group.resourceGroup, 'resource group', group.address);
      if (name === false || resourceGroup === false) continue;
      const reasons = [name, resourceGroup].filter((part): part is string => typeof part === 'string');
      if (reasons.length > 0) possible.push({ nsg: group.nsg, reason: `${rule.address} may belong to ${group.nsg.name}: ${reasons.join('; ')}` });
    }
    return possible;
  }
}
