// Lives apart from diagnose.ts (which re-exports it) so target selection can throw it without a
// circular import.

/** Thrown when --bastion / --vm name nothing in the topology (a usage error, exit code 2). */
export class SelectionError extends Error {
  override name = 'SelectionError';
}
