/**
 * One Lambda execution environment: this process loads a synthesized bundle the way the Node.js
 * runtime does (a fresh process, the bundle's ESM index.mjs, module scope once) and then runs
 * invocations one at a time, as one Lambda instance does. The parent sends { id, event } over
 * IPC and receives { id, result } or { id, error }.
 */
const [bundle, functionName] = process.argv.slice(2);

// A test may run the functions on another day than today (EMULATED_NOW): the clock moves on
// from that instant at its real pace. Only Date is shifted; timers are untouched.
if (process.env.EMULATED_NOW) {
  const RealDate = Date;
  const offset = RealDate.parse(process.env.EMULATED_NOW) - RealDate.now();
  globalThis.Date = class EmulatedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offset;
    }
  };
}
// A test may give a receiver on 127.0.0.1 a public name (EMULATED_HOSTS: {"name": port}), since
// the deployed functions refuse private addresses: DNS answers a public address for the name, the
// SSRF guard checks that address as in AWS, and only the socket then goes to the local port.
if (process.env.EMULATED_HOSTS) {
  const hosts = JSON.parse(process.env.EMULATED_HOSTS);
  const { default: dns } = await import('node:dns');
  const { default: tls } = await import('node:tls');
  const { syncBuiltinESMExports } = await import('node:module');
  const publicAddress = '93.184.215.14';
  const emulated = (hostname) => Object.hasOwn(hosts, hostname);
  const systemLookup = dns.lookup;
  dns.lookup = function lookup(hostname, options, callback) {
    const [settings, done] = typeof options === 'function' ? [{}, options] : [options ?? {}, callback];
    if (!emulated(hostname)) return systemLookup.call(this, hostname, options, callback);
    const all = typeof settings === 'object' && settings.all;
    process.nextTick(() => (all ? done(null, [{ address: publicAddress, family: 4 }]) : done(null, publicAddress, 4)));
  };
  const promisesLookup = dns.promises.lookup;
  dns.promises.lookup = async (hostname, options) => {
    if (!emulated(hostname)) return promisesLookup(hostname, options);
    const entry = { address: publicAddress, family: 4 };
    return options?.all ? [entry] : entry;
  };
  const tlsConnect = tls.connect;
  tls.connect = function connect(...args) {
    const [options] = args;
    if (!options || typeof options !== 'object' || !emulated(options.host)) return tlsConnect.apply(this, args);
    const guarded = options.lookup ?? dns.lookup;
    const local = (address) =>
      Array.isArray(address) ? address.map(() => ({ address: '127.0.0.1', family: 4 })) : '127.0.0.1';
    return tlsConnect.call(this, {
      ...options,
      port: hosts[options.host],
      servername: options.servername || options.host,
      lookup: (hostname, settings, callback) =>
        guarded(hostname, settings, (error, address, family) =>
          error ? callback(error, address, family) : callback(null, local(address), 4),
        ),
    });
  };
  syncBuiltinESMExports();
}

const { handler } = await import(bundle);

let queue = Promise.resolve();
process.on('message', (message) => {
  queue = queue.then(() => invoke(message));
});
process.send({ ready: true });

async function invoke({ id, event }) {
  const deadline = Date.now() + Number(process.env.FUNCTION_TIMEOUT_MS ?? 60_000);
  const context = {
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${process.env.AWS_REGION}:123456789012:function:${functionName}`,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE ?? '1024',
    awsRequestId: `request-${id}`,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'test',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  try {
    process.send({ id, result: (await handler(event, context)) ?? null });
  } catch (error) {
    process.send({ id, error: { name: error?.name ?? 'Error', message: String(error?.message ?? error) } });
  }
}
