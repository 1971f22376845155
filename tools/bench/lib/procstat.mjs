// CPU accounting from /proc for processes the harness did not start itself (no probe inside them).
import { readFileSync, readdirSync } from 'node:fs';

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
 * CPU time of every PostgreSQL process on the machine so far, in microseconds: each `postgres` process's own time, plus,
 * for each postmaster, the time of its children that already exited (their time moves there when reaped), so a
 * connection closed mid-window still counts. On a bench machine these are the bench's database servers.
 */
export function postgresMicros() {
  let ticks = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    if (comm !== 'postgres') continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    if (processName(Number(fields[1])) !== 'postgres') ticks += Number(fields[13]) + Number(fields[14]); // cutime, cstime
  }
  return ticks * TICK_MICROS;
}

function processName(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  } catch {
    return '';
  }
}
