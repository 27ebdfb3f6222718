// check-incomplete for what the source itself could not build: one finding per problem.
import { parseResourceId } from '../resourceId';
import { incomplete } from './finding';
import type { Check } from './types';

export const sourceProblemsCheck: Check = {
  name: 'Source problems',
  level: 'topology',
  rules: [],
  run(context) {
    return context.topology.problems.map((problem) => incomplete(context, 'host',
      { id: problem.resource, name: parseResourceId(problem.resource).name || problem.resource, origin: problem.origin },
      problem.message));
  },
};
