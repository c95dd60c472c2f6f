import Sequence = require('./Sequence');
import Packets = require('../packets');
import Auth = require('../Auth');
import ClientConstants = require('../constants/client');
import createError = require('../createError');
import authErrors = require('../authErrors');
import clientAttributes = require('../clientAttributes');
import Authenticator = require('../auth/Authenticator');
import negotiation = require('../auth/negotiation');
import type Parser = require('../Parser');
import type AuthMoreDataPacket = require('../packets/AuthMoreDataPacket');
import type AuthSwitchRequestPacket = require('../packets/AuthSwitchRequestPacket');
import type ErrorPacket = require('../packets/ErrorPacket');
import type OkPacket = require('../packets/OkPacket');
import type HandshakeInitializationPacket = require('../packets/HandshakeInitializationPacket');
import type { AuthOptions, AuthPlugin } from '../auth/types';

const PROTOCOL_VERSION = 10; // the only greeting format since MySQL 3.21

declare namespace Handshake {
  /** The part of ConnectionConfig the handshake reads, and the two fields it records on it. */
  interface Config extends AuthOptions {
    user?: string;
    password?: string;
    database?: string;
    socketPath?: string;
    clientFlags: number;
    maxPacketSize: number;
    charsetNumber: number;
    insecureAuth: boolean;
    ssl: unknown;
    protocol41?: boolean;
    authPlugins?: Record<string, AuthPlugin>;
    connectAttributes?: Record<string, string>;
  }
  interface Options extends Sequence.Options {
    config: Config;
  }
}

// The connection phase: the server's greeting, the client's credentials (after TLS when configured), then
// auth switches and further plugin data until the server says OK or ERR.
class Handshake extends Sequence {
  _config: Handshake.Config;
  _handshakeInitializationPacket: HandshakeInitializationPacket | null = null;
  _authenticator: Authenticator | null = null;
  _tlsPending = false;

  constructor(options: Handshake.Options, callback?: Sequence.Callback) {
    super(options, callback);
    this._config = options.config;
  }

  override determinePacket(firstByte: number | undefined, parser: Parser): Sequence.PacketClass | undefined {
    if (firstByte === 0xff) return Packets.ErrorPacket;
    if (!this._handshakeInitializationPacket) return Packets.HandshakeInitializationPacket;
    if (firstByte === 0xfe) {
      // A bare 0xFE is the old servers' "use the pre-4.1 password" request.
      return parser.packetLength() === 1 ? Packets.UseOldPasswordPacket : Packets.AuthSwitchRequestPacket;
    }
    if (firstByte === 0x01) return Packets.AuthMoreDataPacket;
    return undefined;
  }

  HandshakeInitializationPacket(packet: HandshakeInitializationPacket): void {
    this._handshakeInitializationPacket = packet;
    if (packet.protocolVersion !== PROTOCOL_VERSION) {
      this.end(createError('Unsupported protocol version ' + packet.protocolVersion + ' in the server greeting',
        'HANDSHAKE_UNKNOWN_PROTOCOL_VERSION', { fatal: true }));
      return;
    }
    this._config.protocol41 = packet.protocol41;

    if (!this._config.ssl) {
      this._sendCredentials();
      return;
    }
    if (!((packet.serverCapabilities1 as number) & ClientConstants.CLIENT_SSL)) {
      this.end(createError('Server does not support secure connection', 'HANDSHAKE_NO_SSL_SUPPORT', { fatal: true }));
      return;
    }
    this._config.clientFlags |= ClientConstants.CLIENT_SSL;
    this.emit('packet', new Packets.SSLRequestPacket({
      clientFlags: negotiation.negotiateFlags(this._config.clientFlags, packet),
      maxPacketSize: this._config.maxPacketSize,
      charsetNumber: this._config.charsetNumber,
    }));
    this._tlsPending = true;
    this.emit('start-tls');
  }

  _tlsUpgradeCompleteHandler(): void {
    this._tlsPending = false;
    this._sendCredentials();
  }

  /**
   * Bytes that came in the greeting's TCP chunk after it were not protected by TLS: a server never sends them, so
   * they are an injection, and acting on them (an OK without credentials, a plugin switch) would be unsafe.
   */
  _refusedBeforeTLS(): boolean {
    if (!this._tlsPending) return false;
    this.end(createError('Received a packet before the TLS upgrade completed', 'HANDSHAKE_SSL_ERROR', { fatal: true }));
    return true;
  }

  override OkPacket(packet: OkPacket): void {
    if (!this._refusedBeforeTLS()) super.OkPacket(packet);
  }

  _sendCredentials(): void {
    const greeting = this._handshakeInitializationPacket as HandshakeInitializationPacket;
    const config = this._config;
    const clientFlags = negotiation.negotiateFlags(config.clientFlags, greeting);
    const authenticator = Authenticator.forSession({ user: config.user, password: config.password,
      database: config.database }, config, (err) => this.end(err));
    this._authenticator = authenticator;
    const send = (scrambleBuff: Buffer, pluginName?: string) => {
      if (this._ended) return;
      this.emit('packet', new Packets.ClientAuthenticationPacket({
        clientFlags,
        maxPacketSize: config.maxPacketSize,
        charsetNumber: config.charsetNumber,
        user: config.user,
        database: config.database,
        protocol41: greeting.protocol41,
        scrambleBuff,
        pluginName,
        connectAttributes: clientFlags & ClientConstants.CLIENT_CONNECT_ATTRS
          ? clientAttributes(config.connectAttributes)
          : undefined,
      }));
    };

    if (!greeting.protocol41) {
      send(Auth.scramble323(greeting.scrambleBuff(), config.password));
    } else if (!(clientFlags & ClientConstants.CLIENT_PLUGIN_AUTH)) {
      // Without plugin auth the response is mysqljs's: the native token, no plugin name.
      send(Auth.token(config.password, greeting.scrambleBuff()));
    } else {
      authenticator.begin(greeting.pluginData, greeting.scrambleBuff(), (pluginName, data) => send(data, pluginName));
    }
  }

  AuthSwitchRequestPacket(packet: AuthSwitchRequestPacket): void {
    if (this._refusedBeforeTLS()) return;
    const authenticator = this._authenticator as Authenticator; // created with the credentials
    authenticator.switchTo(String(packet.authMethodName), packet.authMethodData || Buffer.alloc(0),
      (data) => this._sendAuthData(data));
  }

  AuthMoreDataPacket(packet: AuthMoreDataPacket): void {
    if (this._refusedBeforeTLS()) return;
    const authenticator = this._authenticator as Authenticator; // created with the credentials
    authenticator.moreData(packet.data || Buffer.alloc(0), (data) => this._sendAuthData(data));
  }

  _sendAuthData(data: Buffer): void {
    if (!this._ended) this.emit('packet', new Packets.AuthSwitchResponsePacket({ data }));
  }

  UseOldPasswordPacket(): void {
    if (this._refusedBeforeTLS()) return;
    if (!this._config.insecureAuth) {
      this.end(authErrors.insecureAuth());
      return;
    }
    const greeting = this._handshakeInitializationPacket as HandshakeInitializationPacket;
    this.emit('packet', new Packets.OldPasswordPacket({
      scrambleBuff: Auth.scramble323(greeting.scrambleBuff(), this._config.password),
    }));
  }

  override ErrorPacket(packet: ErrorPacket): void {
    const err = this._packetToError(packet);
    err.fatal = true;
    this.end(err);
  }
}

export = Handshake;
