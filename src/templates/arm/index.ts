export { armTemplateSource, armTemplateToTopology, TEMPLATE_DEPLOYMENT_SCOPE } from './armTemplateSource';
export { isArmParametersFile, isArmTemplate, parametersFilePathFor } from './detect';
export { PLACEHOLDER_RESOURCE_GROUP, PLACEHOLDER_SUBSCRIPTION_ID } from './armIds';
