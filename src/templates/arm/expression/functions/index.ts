// Every template function Bastion Doctor evaluates, by lower-case name.
import type { FunctionDefinition } from '../context';
import { CIDR_FUNCTIONS } from './cidr';
import { COLLECTION_FUNCTIONS } from './collections';
import { DEPLOYMENT_FUNCTIONS } from './deployment';
import { LOGIC_FUNCTIONS } from './logic';
import { STRING_FUNCTIONS } from './strings';

export const TEMPLATE_FUNCTIONS: Readonly<Record<string, FunctionDefinition>> = {
  ...STRING_FUNCTIONS,
  ...COLLECTION_FUNCTIONS,
  ...LOGIC_FUNCTIONS,
  ...DEPLOYMENT_FUNCTIONS,
  ...CIDR_FUNCTIONS,
};
