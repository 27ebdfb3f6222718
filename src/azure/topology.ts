// A live read as a topology. A live read takes only what the diagnosis needs (a peered VNet is
// read for its peering and address space, not for its other subnets' NSGs), so the mapper's
// "references X, which is not among the resources read" problems are expected and dropped: a
// check that needs a missing resource reports check-incomplete itself, and a read that failed
// has its own finding naming the permission or the 404.
import { mapArmResources } from '../core/arm';
import type { Topology } from '../core/model';
import type { DiagnosisRead } from './readDiagnosis';

export function topologyFromRead(read: DiagnosisRead, sourceLabel: string): Topology {
  return withoutUnreadReferences(mapArmResources(read.resources, { sourceLabel, coverage: read.coverage }));
}

/** Drops the mapper's "references X, which is not among the resources read" problems (see above). */
export function withoutUnreadReferences(topology: Topology): Topology {
  topology.problems = topology.problems.filter((problem) => !problem.message.endsWith('which is not among the resources read'));
  return topology;
}
