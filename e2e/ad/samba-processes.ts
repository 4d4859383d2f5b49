import { readFileSync } from 'node:fs';
import { readFile, readdir, readlink } from 'node:fs/promises';
import path from 'node:path';

/** Executables that can hold the LDAP ports on a Samba host. */
const sambaExecutables = new Set(['samba', 'smbd', 'nmbd', 'winbindd']);

/** Ports whose holders decide whether our DC can start. */
const directoryPorts = [389, 636];

type ProcessInfo = {
  pid: number;
  sessionId: number;
  executable: string;
  commandLine: string;
};

/**
 * Processes belonging to the DC started from one state directory.
 *
 * Daemonized samba calls setsid(), so every process of one DC (including orphans left by a
 * crashed master) shares a session id equal to the pid in its pid file. Command lines are
 * useless for this because samba rewrites them ("samba: task[ldap] …").
 */
export async function ownSambaProcesses(pidFile: string, configFile: string): Promise<number[]> {
  const masterPid = await readPid(pidFile);
  return (await listProcesses())
    .filter((candidate) => sambaExecutables.has(candidate.executable))
    .filter((candidate) => (masterPid !== undefined && candidate.sessionId === masterPid) || candidate.commandLine.includes(configFile))
    .map((candidate) => candidate.pid);
}

/**
 * Samba-family processes listening on 389/636 that are not ours, and other listeners.
 *
 * A stray DC's whole session is returned, not just the listener: samba's master respawns a
 * killed LDAP task, which would grab the ports again. Non-Samba listeners are reported only.
 */
export async function portHolders(ownPids: readonly number[]): Promise<{
  straySamba: number[];
  foreign: string[];
}> {
  const inodes = await listeningInodes(directoryPorts);
  const straySessions = new Set<number>();
  const foreign: string[] = [];
  if (inodes.size === 0) return { straySamba: [], foreign };
  const processes = await listProcesses();
  for (const candidate of processes) {
    if (ownPids.includes(candidate.pid)) continue;
    if (!(await holdsAnyInode(candidate.pid, inodes))) continue;
    if (sambaExecutables.has(candidate.executable)) straySessions.add(candidate.sessionId);
    else foreign.push(`${candidate.pid} (${candidate.executable})`);
  }
  const straySamba = processes
    .filter((candidate) => sambaExecutables.has(candidate.executable))
    .filter((candidate) => straySessions.has(candidate.sessionId) && !ownPids.includes(candidate.pid))
    .map((candidate) => candidate.pid);
  return { straySamba, foreign };
}

/**
 * Terminate the given processes, escalating to SIGKILL after a grace period.
 *
 * Samba's master stops its children on SIGTERM, but a wedged worker must not block a rebuild.
 */
export async function terminateProcesses(pids: readonly number[], graceMs = 5000): Promise<void> {
  for (const pid of pids) sendSignal(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (pids.every((pid) => !isAlive(pid))) return;
    await delay(100);
  }
  for (const pid of pids) sendSignal(pid, 'SIGKILL');
  const killDeadline = Date.now() + graceMs;
  while (pids.some((pid) => isAlive(pid)) && Date.now() < killDeadline) await delay(50);
}

/**
 * Whether something still listens on the LDAP ports.
 *
 * Used after stopping to make sure the next start will be able to bind.
 */
export async function directoryPortsInUse(): Promise<boolean> {
  return (await listeningInodes(directoryPorts)).size > 0;
}

/**
 * Resolve after the given number of milliseconds.
 *
 * Polling loops in this folder share it rather than each wrapping setTimeout.
 */
export function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

async function readPid(pidFile: string): Promise<number | undefined> {
  const text = await readFile(pidFile, 'utf8').catch(() => '');
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

async function listProcesses(): Promise<ProcessInfo[]> {
  const entries = await readdir('/proc');
  const processes: ProcessInfo[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    try {
      const status = await readFile(`/proc/${pid}/stat`, 'utf8');
      // The command name may contain spaces and parentheses, so parse after the last ')':
      // state, parent pid, process group, session id.
      const fields = status.slice(status.lastIndexOf(')') + 2).split(' ');
      const sessionId = Number(fields[3]);
      const executable = path.basename(await readlink(`/proc/${pid}/exe`).catch(() => ''));
      const commandLine = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replaceAll('\0', ' ');
      processes.push({ pid, sessionId, executable, commandLine });
    } catch {
      // The process exited while we were looking at it.
    }
  }
  return processes;
}

async function listeningInodes(ports: readonly number[]): Promise<Set<string>> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = await readFile(table, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const port = Number.parseInt(fields[1]?.split(':').at(-1) ?? '', 16);
      const listening = fields[3] === '0A';
      if (listening && ports.includes(port) && fields[9] !== undefined) inodes.add(fields[9]);
    }
  }
  return inodes;
}

async function holdsAnyInode(pid: number, inodes: Set<string>): Promise<boolean> {
  const descriptors = await readdir(`/proc/${pid}/fd`).catch(() => []);
  for (const descriptor of descriptors) {
    const target = await readlink(`/proc/${pid}/fd/${descriptor}`).catch(() => '');
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode !== undefined && inodes.has(inode)) return true;
  }
  return false;
}

function isAlive(pid: number): boolean {
  try {
    // Daemonized samba is re-parented to init; an unreaped zombie counts as gone.
    const status = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return status.slice(status.lastIndexOf(')') + 2, status.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function sendSignal(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}
