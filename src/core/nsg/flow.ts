// evaluateFlow and evaluatePath: the evaluator's entry points.
import type { SecurityRule } from '../model';
import { compileRules } from './compile';
import { Box, EvaluatedBox, RuleResolver, evaluateBoxes, queryBoxes } from './evaluate';
import { combineVerdicts, toFlowEvaluation } from './parts';
import { addressSpaceFor } from './tags';
import type { EvaluationContext, FlowEvaluation, FlowQuery, PathEvaluation, PathHop, Verdict } from './types';

/** The boxes of one flow through one rule list, before they are merged into parts (tests use it). */
export function evaluateFlowBoxes(rules: readonly SecurityRule[], query: FlowQuery, context: EvaluationContext): { results: EvaluatedBox[]; evaluation: FlowEvaluation } {
  const compiled = compileRules(rules)[query.direction];
  const resolver = new RuleResolver(addressSpaceFor(context.virtualNetworkPrefixes));
  const results = evaluateBoxes(compiled, queryBoxes(query, resolver.space), resolver);
  return { results, evaluation: toFlowEvaluation(results, compiled, resolver) };
}

/**
 * Which parts of the flow the rules allow and deny, and by which rule. Only rules of the query's
 * direction count; Azure's defaults are added when `rules` lists none for that direction.
 */
export function evaluateFlow(rules: readonly SecurityRule[], query: FlowQuery, context: EvaluationContext): FlowEvaluation {
  return evaluateFlowBoxes(rules, query, context).evaluation;
}

/**
 * A flow through NSGs in traversal order (inbound to a VM: subnet then NIC; outbound: NIC then
 * subnet). A part denied at one hop does not reach the next; a part unknown at one hop goes on,
 * so a later deny still decides it. A hop without rules passes everything. A hop that nothing
 * reaches gets an evaluation with no parts (verdict 'allow', vacuously).
 */
export function evaluatePath(hops: PathHop[], query: FlowQuery, context: EvaluationContext): PathEvaluation {
  const resolver = new RuleResolver(addressSpaceFor(context.virtualNetworkPrefixes));
  let reaching: { box: Box; so: Verdict }[] = queryBoxes(query, resolver.space).map((box) => ({ box, so: 'allow' }));
  const finals: Verdict[] = [];
  const hopResults: PathEvaluation['hops'] = [];
  for (const hop of hops) {
    if (!hop.rules) {
      hopResults.push({ label: hop.label, evaluation: undefined });
      continue;
    }
    const compiled = compileRules(hop.rules)[query.direction];
    const results: EvaluatedBox[] = [];
    const next: typeof reaching = [];
    for (const so of ['allow', 'unknown'] as const) {
      const boxes = reaching.filter((r) => r.so === so).map((r) => r.box);
      if (boxes.length === 0) continue;
      for (const result of evaluateBoxes(compiled, boxes, resolver)) {
        results.push(result);
        if (result.verdict === 'deny') finals.push('deny');
        else next.push({ box: result.box, so: result.verdict === 'unknown' ? 'unknown' : so });
      }
    }
    hopResults.push({ label: hop.label, evaluation: toFlowEvaluation(results, compiled, resolver) });
    reaching = next;
  }
  finals.push(...reaching.map((r) => r.so));
  return { verdict: combineVerdicts(finals), hops: hopResults };
}
