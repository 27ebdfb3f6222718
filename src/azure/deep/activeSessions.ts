// The Bastion host's active sessions (getActiveSessions: a long-running POST whose result pages),
// listed in the report: who is connected to what, from where, for how long.
import type { Finding } from '../../core/findings';
import { parseResourceId } from '../../core/resourceId';
import { clientsFor } from '../clients';
import { boundedItems } from '../paging';
import type { StepContext } from './step';

/** getActiveSessions on bastionHosts; Reader does not grant it (reference §11.2, inferred). */
export const ACTIVE_SESSIONS_ACTION = 'Microsoft.Network/bastionHosts/getActiveSessions/action';

export interface ActiveSession {
  sessionId?: string;
  startTime?: string;
  userName?: string;
  targetHostName?: string;
  targetIpAddress?: string;
  targetResourceId?: string;
  protocol?: string;
  sessionDurationInMins?: number;
}

export async function listActiveSessions(step: StepContext): Promise<{ sessions?: ActiveSession[]; findings: Finding[] }> {
  const host = step.target.host;
  const hostClients = clientsFor(step.clients, host.id);
  const client = await hostClients.network();
  const { resourceGroup = '' } = parseResourceId(host.id);
  const outcome = await step.call({ id: host.id, name: host.name, type: 'Microsoft.Network/bastionHosts', kind: 'active sessions of Bastion host', action: ACTIVE_SESSIONS_ACTION, layer: 'host', decides: 'who is connected right now' },
    async (signal) => {
      const sessions: ActiveSession[] = [];
      for await (const session of boundedItems(client.getActiveSessions(resourceGroup, host.name, { abortSignal: signal, updateIntervalInMs: step.updateIntervalInMs }), hostClients)) {
        sessions.push({
          sessionId: session.sessionId,
          startTime: session.startTime === undefined ? undefined : String(session.startTime),
          userName: session.userName,
          targetHostName: session.targetHostName,
          targetIpAddress: session.targetIpAddress,
          targetResourceId: session.targetResourceId,
          protocol: session.protocol,
          sessionDurationInMins: session.sessionDurationInMins,
        });
      }
      return sessions;
    });
  return outcome.ok ? { sessions: outcome.value, findings: [] } : { findings: [outcome.finding] };
}
