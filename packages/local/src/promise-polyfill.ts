/**
 * aws-local-stepfunctions 3 declares Node >= 22 and calls Promise.withResolvers, which Node 20
 * lacks. This adds it, exactly as the standard defines it, before the library loads.
 */
interface WithResolvers {
  withResolvers?: <T>() => { promise: Promise<T>; resolve: (value: T) => void; reject: (reason?: unknown) => void };
}
const PromiseConstructor = Promise as unknown as WithResolvers;
if (!PromiseConstructor.withResolvers)
  PromiseConstructor.withResolvers = <T>() => {
    let resolve!: (value: T) => void;
    let reject!: (reason?: unknown) => void;
    const promise = new Promise<T>((onResolve, onReject) => {
      resolve = onResolve;
      reject = onReject;
    });
    return { promise, resolve, reject };
  };
