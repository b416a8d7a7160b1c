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
