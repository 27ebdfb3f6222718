// The network guard for `node --import` (see network-guard.cjs, which also reaches workers and
// child processes through --require).
import './network-guard.cjs';
