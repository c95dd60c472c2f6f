import ClientConstants = require('./protocol/constants/client');
import Charsets = require('./protocol/constants/charsets');
import parseConnectionUrl = require('./connectionUrl');
import type Query = require('./protocol/sequences/Query');
import type { AuthPlugin } from './protocol/auth/types';

declare namespace ConnectionConfig {
  type FlagList = string | string[];
  interface SslOptions {
    ca?: string | Buffer | Array<string | Buffer>;
    cert?: string | Buffer | Array<string | Buffer>;
    key?: string | Buffer | Array<string | Buffer>;
    passphrase?: string;
    ciphers?: string;
    minVersion?: string;
    maxVersion?: string;
    rejectUnauthorized?: boolean;
    [option: string]: unknown;
  }
  type QueryFormat = (this: unknown, sql: string, values: unknown, timeZone?: string) => string;
  interface Options {
    host?: string;
    port?: number | string;
    localAddress?: string;
    socketPath?: string;
    user?: string;
    password?: string;
    database?: string;
    charset?: string;
    charsetNumber?: number;
    connectTimeout?: number;
    insecureAuth?: boolean;
    supportBigNumbers?: boolean;
    bigNumberStrings?: boolean;
    dateStrings?: boolean | Array<'TIMESTAMP' | 'DATETIME' | 'DATE'>;
    debug?: boolean | string[];
    trace?: boolean;
    /** Write queued commands without waiting for the answers to the ones ahead (default true). */
    pipelining?: boolean;
    /** On loopback, pause between the reads of a reply past 8 MB that the server sends slower than they are read (default true). */
    readCoalescing?: boolean;
    stringifyObjects?: boolean;
    timezone?: string;
    flags?: FlagList;
    queryFormat?: QueryFormat;
    pool?: unknown;
    ssl?: string | SslOptions | false;
    localInfile?: boolean;
    multipleStatements?: boolean;
    typeCast?: Query.TypeCast;
    /** caching_sha2_password / sha256_password on plain TCP: let the server send its RSA public key. */
    allowPublicKeyRetrieval?: boolean;
    /** The server's RSA public key (PEM), to encrypt the password with on plain TCP without asking for the key. */
    serverPublicKey?: string | Buffer;
    /** Allow mysql_clear_password on a connection that is neither TLS nor a Unix socket. */
    enableCleartextPlugin?: boolean;
    /** Authentication plugins by the name the server asks for; they take precedence over the built-in ones. */
    authPlugins?: Record<string, AuthPlugin>;
    /** Connection attributes sent with the handshake, after (and over) _client_name, _client_version, _os, ... */
    connectAttributes?: Record<string, string>;
  }
}

const DEFAULT_CONNECT_TIMEOUT = 10 * 1000;

// Every connection option with its mysqljs default, plus the derived clientFlags and charsetNumber.
class ConnectionConfig {
  host: string;
  port: number | string;
  localAddress: string | undefined;
  socketPath: string | undefined;
  user: string | undefined;
  password: string | undefined;
  database: string | undefined;
  connectTimeout: number;
  insecureAuth: boolean;
  supportBigNumbers: boolean;
  bigNumberStrings: boolean;
  dateStrings: boolean | string[];
  debug: boolean | string[] | undefined;
  trace: boolean;
  pipelining: boolean;
  readCoalescing: boolean;
  stringifyObjects: boolean;
  timezone: string;
  flags: ConnectionConfig.FlagList;
  queryFormat: ConnectionConfig.QueryFormat | undefined;
  pool: unknown;
  ssl: ConnectionConfig.SslOptions | false;
  localInfile: boolean;
  multipleStatements: boolean;
  typeCast: Query.TypeCast;
  maxPacketSize: number;
  charsetNumber: number;
  clientFlags: number;
  allowPublicKeyRetrieval: boolean;
  serverPublicKey: string | Buffer | undefined;
  enableCleartextPlugin: boolean;
  authPlugins: Record<string, AuthPlugin> | undefined;
  connectAttributes: Record<string, string> | undefined;
  declare protocol41: boolean | undefined;

  constructor(input: ConnectionConfig.Options | string) {
    const options = typeof input === 'string' ? ConnectionConfig.parseUrl(input) : input;

    this.host = options.host || 'localhost';
    this.port = options.port || 3306;
    this.localAddress = options.localAddress;
    this.socketPath = options.socketPath;
    this.user = options.user || undefined;
    this.password = options.password || undefined;
    this.database = options.database;
    this.connectTimeout = options.connectTimeout === undefined ? DEFAULT_CONNECT_TIMEOUT : options.connectTimeout;
    this.insecureAuth = options.insecureAuth || false;
    this.supportBigNumbers = options.supportBigNumbers || false;
    this.bigNumberStrings = options.bigNumberStrings || false;
    this.dateStrings = options.dateStrings || false;
    this.debug = options.debug;
    this.trace = options.trace !== false;
    this.pipelining = options.pipelining !== false;
    this.readCoalescing = options.readCoalescing !== false;
    this.stringifyObjects = options.stringifyObjects || false;
    this.timezone = options.timezone || 'local';
    this.flags = options.flags || '';
    this.queryFormat = options.queryFormat;
    this.pool = options.pool || undefined;
    this.ssl = typeof options.ssl === 'string' ? ConnectionConfig.getSSLProfile(options.ssl) : options.ssl || false;
    this.localInfile = options.localInfile === undefined ? true : options.localInfile;
    this.multipleStatements = options.multipleStatements || false;
    this.typeCast = options.typeCast === undefined ? true : options.typeCast;

    // In a URL, "+05:00" arrives as " 05:00": a plus sign decodes to a space.
    if (this.timezone[0] === ' ') this.timezone = '+' + this.timezone.substring(1);
    if (this.ssl) {
      this.ssl = { ...this.ssl };
      this.ssl.rejectUnauthorized = this.ssl.rejectUnauthorized !== false;
    }

    this.maxPacketSize = 0;
    this.charsetNumber = options.charset
      ? ConnectionConfig.getCharsetNumber(options.charset)
      : options.charsetNumber || Charsets.UTF8_GENERAL_CI;
    this.clientFlags = ConnectionConfig.mergeFlags(ConnectionConfig.getDefaultFlags(options), options.flags);
    this.allowPublicKeyRetrieval = options.allowPublicKeyRetrieval || false;
    this.serverPublicKey = options.serverPublicKey || undefined;
    this.enableCleartextPlugin = options.enableCleartextPlugin || false;
    this.authPlugins = options.authPlugins;
    this.connectAttributes = options.connectAttributes;
  }

  static mergeFlags(defaultFlags: ConnectionConfig.FlagList, userFlags?: ConnectionConfig.FlagList): number {
    const allFlags = ConnectionConfig.parseFlagList(defaultFlags);
    const newFlags = ConnectionConfig.parseFlagList(userFlags);
    // A default that is switched off ("-COMPRESS") cannot be switched on by the user: it is not implemented.
    for (const flag in newFlags) {
      if (allFlags[flag] !== false) allFlags[flag] = newFlags[flag];
    }
    let flags = 0;
    for (const flag in allFlags) {
      if (allFlags[flag]) flags |= (ClientConstants as Record<string, number | undefined>)['CLIENT_' + flag] || 0;
    }
    return flags >>> 0;
  }

  static getCharsetNumber(charset: string): number {
    const num = Charsets[charset.toUpperCase()];
    if (num === undefined) throw new TypeError("Unknown charset '" + charset + "'");
    return num;
  }

  static getDefaultFlags(options?: ConnectionConfig.Options): string[] {
    const defaultFlags = [
      '-COMPRESS', // compression is not implemented
      '+CONNECT_ATTRS', // sent only when the server supports them too
      '+CONNECT_WITH_DB',
      '+FOUND_ROWS', // affectedRows counts matched rows, not changed ones
      '+IGNORE_SIGPIPE',
      '+IGNORE_SPACE',
      '+LOCAL_FILES',
      '+LONG_FLAG',
      '+LONG_PASSWORD',
      '+MULTI_RESULTS',
      '+ODBC',
      '+PLUGIN_AUTH', // name the auth plugin; needed for caching_sha2_password and the other modern methods
      '+PLUGIN_AUTH_LENENC_CLIENT_DATA', // a first auth response may be longer than 250 bytes
      '+PROTOCOL_41',
      '+PS_MULTI_RESULTS',
      '+RESERVED',
      '+SECURE_CONNECTION',
      '+TRANSACTIONS',
    ];
    if (options && options.localInfile !== undefined && !options.localInfile) defaultFlags.push('-LOCAL_FILES');
    if (options && options.multipleStatements) defaultFlags.push('+MULTI_STATEMENTS');
    return defaultFlags;
  }

  static getSSLProfile(name: string): ConnectionConfig.SslOptions {
    const profiles = require('./protocol/constants/ssl_profiles') as Record<string, ConnectionConfig.SslOptions | undefined>;
    const ssl = profiles[name];
    if (ssl === undefined) throw new TypeError("Unknown SSL profile '" + name + "'");
    return ssl;
  }

  static parseFlagList(flagList?: ConnectionConfig.FlagList): Record<string, boolean> {
    const allFlags: Record<string, boolean> = Object.create(null);
    if (!flagList) return allFlags;

    const flags = Array.isArray(flagList) ? flagList : String(flagList).toUpperCase().split(/\s*,+\s*/);
    for (const flag of flags) {
      const state = flag[0];
      if (state === undefined) continue;
      if (state === '-' || state === '+') {
        allFlags[flag.substring(1)] = state === '+';
      } else {
        allFlags[flag] = true;
      }
    }
    return allFlags;
  }

  static parseUrl(url: string): ConnectionConfig.Options {
    return parseConnectionUrl(url) as ConnectionConfig.Options;
  }
}

export = ConnectionConfig;
