import authErrors = require('../authErrors');
import plugins = require('./index');
import negotiation = require('./negotiation');
import type { MysqlError } from '../../MysqlError';
import type { AuthOptions, AuthPlugin, AuthPluginContext, AuthResponse, AuthStep } from './types';

// The plugin a client answers a greeting with when the server names none, or one this client does not know:
// the server then switches to the plugin the account needs.
const DEFAULT_PLUGIN = 'mysql_native_password';

declare namespace Authenticator {
  interface Options {
    user: string | undefined;
    password: string | undefined;
    database: string | undefined;
    secure: boolean;
    options: AuthOptions;
    plugins?: Record<string, AuthPlugin>;
  }
  interface Identity {
    user: string | undefined;
    password: string | undefined;
    database: string | undefined;
  }
  /** The connection config a session's authentication reads. */
  interface SessionConfig extends AuthOptions {
    socketPath?: string;
    ssl?: unknown;
    clientFlags: number;
    authPlugins?: Record<string, AuthPlugin>;
  }
  type Send = (data: Buffer) => void;
  type Fail = (err: MysqlError) => void;
}

// Runs the authentication of one Handshake or ChangeUser: the plugin the server asks for, fed with each packet of
// plugin data the server sends, answering with what the plugin returns (now or, for a promise, later).
class Authenticator {
  _options: Authenticator.Options;
  _fail: Authenticator.Fail;
  _pluginName = DEFAULT_PLUGIN;
  _step: AuthStep | null = null;

  constructor(options: Authenticator.Options, fail: Authenticator.Fail) {
    this._options = options;
    this._fail = fail;
  }

  /** The authenticator for logging `identity` in on a connection with this config (its plugins, its security). */
  static forSession(identity: Authenticator.Identity, config: Authenticator.SessionConfig,
    fail: Authenticator.Fail): Authenticator {
    return new Authenticator({ ...identity, secure: negotiation.isSecure(config), options: config,
      plugins: config.authPlugins }, fail);
  }

  /** The first response, computed from the greeting's seed; reply gets the plugin name to send with it. */
  begin(serverPlugin: string | undefined, seed: Buffer, reply: (pluginName: string, data: Buffer) => void): void {
    const name = serverPlugin && this._find(serverPlugin) ? serverPlugin : DEFAULT_PLUGIN;
    if (!this._start(name)) return;
    this._run(seed, (response) => reply(name, response || Buffer.alloc(0)));
  }

  /** An auth switch request: start over with the named plugin and its seed. */
  switchTo(pluginName: string, data: Buffer, send: Authenticator.Send): void {
    if (!this._find(pluginName)) {
      this._fail(authErrors.unsupportedAuthMethod(pluginName));
      return;
    }
    if (!this._start(pluginName)) return;
    this._run(data, (response) => {
      if (response) send(response);
    });
  }

  /** An AuthMoreData packet: the next step of the running plugin. */
  moreData(data: Buffer, send: Authenticator.Send): void {
    if (!this._step) {
      this._fail(authErrors.pluginFailed(this._pluginName, new Error('the server sent data before the plugin ran')));
      return;
    }
    this._run(data, (response) => {
      if (response) send(response);
    });
  }

  _find(name: string): AuthPlugin | undefined {
    return plugins.findPlugin(name, this._options.plugins);
  }

  _start(pluginName: string): boolean {
    const plugin = this._find(pluginName) as AuthPlugin;
    const o = this._options;
    const context: AuthPluginContext = {
      pluginName, user: o.user, password: o.password, database: o.database, secure: o.secure, options: o.options,
    };
    this._pluginName = pluginName;
    try {
      this._step = plugin(context);
      return true;
    } catch (err) {
      this._fail(authErrors.pluginFailed(pluginName, err));
      return false;
    }
  }

  _run(data: Buffer, deliver: (response: Buffer | null) => void): void {
    const step = this._step as AuthStep;
    const pluginName = this._pluginName;
    const fail = (err: unknown) => this._fail(authErrors.pluginFailed(pluginName, err));
    const accept = (result: AuthResponse) => {
      const response = toBuffer(result);
      if (response === undefined) fail(new Error('it returned ' + typeof result + ', not a Buffer'));
      else deliver(response);
    };

    let result: AuthResponse | Promise<AuthResponse>;
    try {
      result = step(Buffer.from(data));
    } catch (err) {
      fail(err);
      return;
    }
    if (isPromise(result)) {
      // Out of the promise chain, so an exception in what follows is not swallowed as a rejection.
      result.then((value) => process.nextTick(accept, value), (err) => process.nextTick(fail, err));
    } else {
      accept(result);
    }
  }
}

function isPromise(value: unknown): value is Promise<AuthResponse> {
  return typeof value === 'object' && value !== null && typeof (value as Promise<unknown>).then === 'function';
}

/** null for "send nothing", undefined for a value that is not bytes. */
function toBuffer(result: AuthResponse): Buffer | null | undefined {
  if (result === undefined || result === null) return null;
  if (Buffer.isBuffer(result)) return result;
  if ((result as unknown) instanceof Uint8Array) return Buffer.from(result as Uint8Array);
  return undefined;
}

export = Authenticator;
