import EventEmitter = require('events');

// mysql bound callbacks to the Node.js domain that was active when they were passed in (and ran the others outside
// of any domain), so a throw inside a callback reaches the caller's domain. This keeps that behaviour; while the
// domain module was never loaded it returns the callback itself and costs nothing.

interface Domain {
  bind<F extends (...args: never[]) => unknown>(fn: F): F;
  exit(): void;
  enter(): void;
}

type Callback = ((...args: never[]) => unknown) & { domain?: unknown };

function activeDomain(): Domain | null | undefined {
  return (process as unknown as { domain?: Domain | null }).domain;
}

/** Runs fn with no domain active, re-entering the domains that were active afterwards. */
function outsideDomains<F extends Callback>(fn: F): F {
  return function (this: unknown, ...args: Parameters<F>) {
    const exited: Domain[] = [];
    for (let domain = activeDomain(); domain; domain = activeDomain()) {
      exited.unshift(domain);
      domain.exit();
    }
    try {
      return fn.apply(this, args);
    } finally {
      for (const domain of exited) domain.enter();
    }
  } as F;
}

function bindToDomain<F extends Callback>(fn: F): F;
function bindToDomain<F extends Callback>(fn: F | undefined): F | undefined;
function bindToDomain<F extends Callback>(fn: F | undefined): F | undefined {
  if (typeof fn !== 'function' || !(EventEmitter as unknown as { usingDomains?: boolean }).usingDomains) return fn;
  if (fn.domain) return fn;
  const domain = activeDomain();
  return domain ? domain.bind(fn) : outsideDomains(fn);
}

export = bindToDomain;
