// The NSG evaluator: Azure's rule semantics over sets of packets (see checks.md).
export * from './types';
export { azureDefaultRules, rulesOf } from './defaults';
export { evaluateFlow, evaluatePath } from './flow';
export { parseAddress, parsePortRange, parseProtocol, parseCidr, parseIPv4, formatIPv4 } from './parse';
export type { AddressTerm } from './parse';
