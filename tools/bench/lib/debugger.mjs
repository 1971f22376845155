// A debugger client attached to a Node.js inspector the way VS Code's js-debug and Chrome DevTools attach one
// (Runtime and Debugger domains on, async call stacks 32 deep, no pause on exceptions). For the investigations only:
// it shows what an IDE attached to an `--inspect` port does to the CPU a request costs.

/** Attaches to the inspector on 127.0.0.1:port; resolves with `detach()`, or null when no inspector listens there. */
export async function attachDebugger(port, { asyncStackDepth = 32 } = {}) {
  let targets;
  try {
    const response = await fetch(`http://127.0.0.1:${port}/json/list`, { signal: AbortSignal.timeout(1_000) });
    targets = await response.json();
  } catch {
    return null;
  }
  const ws = new WebSocket(targets[0].webSocketDebuggerUrl.replace('localhost', '127.0.0.1'));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the debugger did not connect within 5 s')), 5_000);
    ws.onopen = () => {
      clearTimeout(timer);
      resolve();
    };
    ws.onerror = () => {
      clearTimeout(timer);
      reject(new Error('could not attach the debugger'));
    };
  });
  const pending = new Map();
  ws.onmessage = (event) => {
    const message = JSON.parse(event.data);
    if (message.id && pending.has(message.id)) pending.get(message.id)();
  };
  let id = 0;
  const send = (method, params = {}) =>
    new Promise((resolve) => {
      pending.set(++id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
  await send('Runtime.enable');
  await send('Debugger.enable');
  if (asyncStackDepth > 0) await send('Debugger.setAsyncCallStackDepth', { maxDepth: asyncStackDepth });
  await send('Debugger.setPauseOnExceptions', { state: 'none' });
  await send('Runtime.runIfWaitingForDebugger');
  return {
    detach: async () => {
      ws.close();
      await new Promise((resolve) => setTimeout(resolve, 200));
    },
  };
}
