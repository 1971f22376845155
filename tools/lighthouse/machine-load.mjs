// How busy the machine was with other people's work during a run: Lighthouse's mobile preset multiplies the main
// thread's task times by four, so a page measured while other processes take the CPU looks slower than it is.
import { readFileSync, readdirSync } from 'node:fs';

const TICK_MICROS = 10_000; // /proc counts in USER_HZ = 1/100 s

/** CPU time spent in processes on the whole machine so far (user, nice and system of every core), in microseconds. */
function machineBusyMicros() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return (fields[0] + fields[1] + fields[2]) * TICK_MICROS;
}

/**
 * CPU time of `rootPid` and every process under it so far, in microseconds, with the time of their children that
 * already exited (a browser tab's renderer, gone when Lighthouse closes the tab, counts with its parent).
 */
function treeMicros(rootPid) {
  const table = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // ppid, then utime, stime, cutime, cstime
      const [ppid, utime, stime, cutime, cstime] = [1, 11, 12, 13, 14].map((i) => Number(fields[i]));
      table.push({ pid: Number(name), ppid, ticks: utime + stime + cutime + cstime });
    } catch {
      // It exited while the table was read.
    }
  }
  const children = new Map();
  for (const entry of table) {
    if (!children.has(entry.ppid)) children.set(entry.ppid, []);
    children.get(entry.ppid).push(entry);
  }
  let ticks = 0;
  for (const queue = table.filter((entry) => entry.pid === rootPid); queue.length > 0;) {
    const entry = queue.pop();
    ticks += entry.ticks;
    queue.push(...(children.get(entry.pid) ?? []));
  }
  return ticks * TICK_MICROS;
}

/**
 * Starts a window; its `end()` returns the CPU that processes outside `rootPid`'s tree (this script, the stack it
 * started, its browser) used meanwhile, as a share of one core: 0.5 is half a core's worth of someone else's work.
 */
export function otherWorkWindow(rootPid = process.pid) {
  const started = { wall: performance.now(), busy: machineBusyMicros(), mine: treeMicros(rootPid) };
  return {
    end() {
      const wallMicros = (performance.now() - started.wall) * 1000;
      const busy = machineBusyMicros() - started.busy;
      const mine = treeMicros(rootPid) - started.mine;
      return Math.max(0, busy - mine) / wallMicros;
    },
  };
}
