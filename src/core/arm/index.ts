export { mapArmResources } from './mapArmResources';
export type { MapOptions } from './options';
export { syntheticResourceId } from './identity';
export { ARM_TYPES, armTypeKey } from './types';
