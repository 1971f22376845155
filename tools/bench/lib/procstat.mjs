// CPU accounting from /proc for processes the harness did not start itself (no probe inside them).
import { readFileSync, readdirSync, realpathSync } from 'node:fs';

const TICK_MICROS = 10_000; // /proc counts in USER_HZ = 1/100 s

/** User + system CPU time of a process (all its threads) so far, in microseconds. */
export function processMicros(pid) {
  if (!pid) return Number.NaN;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MICROS; // utime, stime
}

/** Per-core idle and total ticks so far. */
export function coreTimes() {
  return readFileSync('/proc/stat', 'utf8')
    .split('\n')
    .filter((line) => /^cpu\d/.test(line))
    .map((line) => {
      const v = line.split(/\s+/).slice(1).map(Number);
      return { idle: v[3] + v[4], total: v.slice(0, 8).reduce((a, b) => a + b, 0) };
    });
}

/** Idle share of each core between two coreTimes() readings, and of the whole machine (what `top` shows as "id"). */
export function idleShares(before, after) {
  const cores = after.map((c, k) => (c.idle - before[k].idle) / Math.max(1, c.total - before[k].total));
  const idle = after.reduce((sum, c, k) => sum + c.idle - before[k].idle, 0);
  const total = after.reduce((sum, c, k) => sum + c.total - before[k].total, 0);
  return { cores, machine: idle / Math.max(1, total) };
}

/**
 * The postmaster of the PostgreSQL server one of whose backends is `backendPid` (from `SELECT pg_backend_pid()` on a
 * connection still open): the backend's parent. Returns `{ pid }`, or `{ reason }` when the server's processes are
 * not visible from here (another machine, a container's pid namespace) or the parent is not that server's postmaster
 * (it runs in `dataDirectory`, where readable).
 */
export function findPostmaster(backendPid, dataDirectory) {
  const backend = processStat(backendPid);
  if (!backend) return { reason: `its backend (pid ${backendPid}) is not visible here` };
  if (backend.comm !== 'postgres') return { reason: `pid ${backendPid} here is no postgres process` };
  const postmaster = processStat(backend.ppid);
  if (!postmaster || postmaster.comm !== 'postgres')
    return { reason: `the parent of its backend (pid ${backend.ppid}) is no postgres process` };
  let cwd;
  try {
    cwd = realpathSync(`/proc/${backend.ppid}/cwd`);
  } catch {
    cwd = undefined; // another user's process: the names above are all there is to check
  }
  if (cwd !== undefined && cwd !== safeRealpath(dataDirectory))
    return { reason: `pid ${backend.ppid} runs in ${cwd}, not in the server's data directory ${dataDirectory}` };
  return { pid: backend.ppid };
}

/**
 * CPU time of PostgreSQL so far, in microseconds. With `postmasterPid`, that one server's: the postmaster and every
 * process under it (backends, parallel workers, background writers), plus the time of its children that already
 * exited (their time moves to the postmaster when it reaps them), so a connection closed mid-window still counts.
 * Without it, every `postgres` process on the machine, counted the same way for each postmaster.
 */
export function postgresMicros(postmasterPid) {
  const table = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = processStat(Number(name));
    if (stat) table.push(stat);
  }
  let counted;
  if (postmasterPid) {
    const children = new Map();
    for (const stat of table) {
      if (!children.has(stat.ppid)) children.set(stat.ppid, []);
      children.get(stat.ppid).push(stat);
    }
    counted = [];
    const root = table.find((stat) => stat.pid === postmasterPid);
    for (const queue = root ? [root] : []; queue.length > 0;) {
      const stat = queue.pop();
      counted.push(stat);
      queue.push(...(children.get(stat.pid) ?? []));
    }
  } else {
    counted = table.filter((stat) => stat.comm === 'postgres');
  }
  const postgresPids = new Set(counted.map((stat) => stat.pid));
  let ticks = 0;
  for (const stat of counted) {
    ticks += stat.ownTicks;
    if (!postgresPids.has(stat.ppid)) ticks += stat.reapedTicks; // a postmaster: its exited children's time
  }
  return ticks * TICK_MICROS;
}

/** Name, parent and CPU ticks of a process (own, and its reaped children's), or undefined when it is gone. */
function processStat(pid) {
  let stat;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    pid,
    comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
    ppid: Number(fields[1]),
    ownTicks: Number(fields[11]) + Number(fields[12]), // utime, stime
    reapedTicks: Number(fields[13]) + Number(fields[14]), // cutime, cstime
  };
}

function safeRealpath(path) {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
