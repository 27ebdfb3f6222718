// Routes the Azure SDK's own log (@azure/logger) to a sink the host provides. It lives in the Azure
// layer because the extension loads that layer as its own bundle: the logger the SDK writes to is
// the copy inside that bundle.
import { AzureLogger, setLogLevel } from '@azure/logger';

export function routeAzureLogs(sink: (args: unknown[]) => void, verbose: boolean): void {
  AzureLogger.log = (...args: unknown[]) => sink(args);
  setLogLevel(verbose ? 'info' : 'warning');
}
