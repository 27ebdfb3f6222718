// Help texts, kept apart from parsing so they read as the user sees them.
import { RULE_IDS } from '../core/catalog';

export const GENERAL_HELP = `bastion-doctor: find out why connections through Azure Bastion fail

Usage:
  bastion-doctor <command> [options]

Commands:
  diagnose   Diagnose Bastion hosts and the VMs they reach (live, from a snapshot, or the demo)
  lint       Check ARM, Bicep and Terraform templates before they are deployed

Options:
  -h, --help      Show help (also: bastion-doctor <command> --help)
  -v, --version   Show the version

Exit codes: 0 no error findings, 1 error findings, 2 usage or input error or nothing checked
(an unreadable input; lint: an input with a syntax error, unless --allow-unparsed, or no
template found; diagnose: a Bastion host that could not be read), 3 internal error.
`;

export const DIAGNOSE_HELP = `Usage:
  bastion-doctor diagnose --bastion RESOURCE_ID [--vm RESOURCE_ID] [options]
  bastion-doctor diagnose --subscription ID --bastion NAME_OR_ID [options]
  bastion-doctor diagnose --snapshot FILE [options]
  bastion-doctor diagnose --demo [options]

Sources (at most one):
  (none)                 With --bastion RESOURCE_ID (and --vm RESOURCE_ID, or no --vm): read
                         live from Azure Resource Manager, each resource in the subscription of
                         its own id (the VMs the host reaches are listed in the host's)
  --subscription ID      Read live too, looking names up in this subscription; a resource
                         given or referenced by id (a spoke VM, a peered VNet) is read in its own
  --snapshot FILE        A JSON file of ARM resources (as ARM GET returns them)
  --demo                 The built-in demo environment (sample data, not your Azure)

Live Azure (with --subscription, or --bastion RESOURCE_ID):
  --auth KIND            cli (default: your 'az login'), env, device-code, managed-identity
  --arm-endpoint URL     Resource Manager endpoint of another cloud (Azure Stack Hub, custom)
  --save-snapshot FILE   Also write what was read, as a snapshot to share or diagnose offline
  --request-timeout SECONDS
                         How long one request to Azure may take (default 60); a read that
                         takes longer is check-incomplete. A Retry-After longer than 60 s is
                         shortened to 60 s, and the finding says so
  --timeout SECONDS      Time limit of the whole run (default 600): what has not answered by
                         then is check-incomplete, and the report shows the rest
  --deep                 Also run the slower checks for the --vm connection: IP flow verify,
                         effective routes and rules, audit logs, active sessions, the client
                         path from this machine and the local Azure CLI (needs --vm)
  --guest                With --deep: also run a read-only script in the VM (Run Command) that
                         checks sshd / Remote Desktop; it is shown and confirmed first
  -y, --yes              Run the guest script without asking (for scripts and CI)

Selection:
  --bastion NAME_OR_ID   Only this Bastion host (default: every host)
  --vm NAME_OR_ID        Only this target VM (default: every VM each host can reach)
  --port N               A custom port you connect on, besides 22/3389 (Standard/Premium)

Output:
  -f, --format FORMAT    text (default), json or sarif
  --rule ID=LEVEL        Override a rule's severity: off, info, warning or error (repeatable)

Exit codes: 0 no error findings, 1 error findings, 2 usage or input error (also: the Bastion host
could not be read, so nothing was checked), 3 internal error.

Rule ids:
${RULE_IDS.map((id) => `  ${id}`).join('\n')}
`;
