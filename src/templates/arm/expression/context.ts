// What an expression can see while it is evaluated: the deployment scope, parameters, variables, loops.
import type { TemplateValue } from './value';

export interface DeploymentScope {
  subscriptionId: string;
  resourceGroupName: string;
  location: string;
  deploymentName: string;
}

export interface EvaluationContext {
  readonly scope: DeploymentScope;
  parameter(name: string): TemplateValue;
  variable(name: string): TemplateValue;
  /** The current index of the named copy loop, or of the resource's own loop when name is undefined. */
  copyIndex(loopName: string | undefined): TemplateValue;
}

export type TemplateFunction = (args: TemplateValue[], context: EvaluationContext) => TemplateValue;

export interface FunctionDefinition {
  apply: TemplateFunction;
  /** True when the function decides itself what an Unresolved argument means (else any makes the result unresolved). */
  acceptsUnresolved?: boolean;
}

/** Thrown by a function for an argument it cannot work with; the evaluator turns it into Unresolved. */
export class TemplateFunctionError extends Error {}
