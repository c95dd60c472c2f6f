import Sequence = require('./Sequence');
import Packets = require('../packets');
import Auth = require('../Auth');
import ClientConstants = require('../constants/client');
import createError = require('../createError');
import authErrors = require('../authErrors');
import type Parser = require('../Parser');
import type AuthSwitchRequestPacket = require('../packets/AuthSwitchRequestPacket');
import type ErrorPacket = require('../packets/ErrorPacket');
import type HandshakeInitializationPacket = require('../packets/HandshakeInitializationPacket');

const PROTOCOL_VERSION = 10; // the only greeting format since MySQL 3.21

declare namespace Handshake {
  /** The part of ConnectionConfig the handshake reads, and the two fields it records on it. */
  interface Config {
    user?: string;
    password?: string;
    database?: string;
    clientFlags: number;
    maxPacketSize: number;
    charsetNumber: number;
    insecureAuth: boolean;
    ssl: unknown;
    protocol41?: boolean;
  }
  interface Options extends Sequence.Options {
    config: Config;
  }
}

// The connection phase: the server's greeting, the client's credentials (after TLS when configured), then
// auth switches until the server says OK or ERR.
class Handshake extends Sequence {
  _config: Handshake.Config;
  _handshakeInitializationPacket: HandshakeInitializationPacket | null = null;

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
      clientFlags: this._config.clientFlags,
      maxPacketSize: this._config.maxPacketSize,
      charsetNumber: this._config.charsetNumber,
    }));
    this.emit('start-tls');
  }

  _tlsUpgradeCompleteHandler(): void {
    this._sendCredentials();
  }

  _sendCredentials(): void {
    const packet = this._handshakeInitializationPacket as HandshakeInitializationPacket;
    const config = this._config;
    this.emit('packet', new Packets.ClientAuthenticationPacket({
      clientFlags: config.clientFlags,
      maxPacketSize: config.maxPacketSize,
      charsetNumber: config.charsetNumber,
      user: config.user,
      database: config.database,
      protocol41: packet.protocol41,
      scrambleBuff: packet.protocol41
        ? Auth.token(config.password, packet.scrambleBuff())
        : Auth.scramble323(packet.scrambleBuff(), config.password),
    }));
  }

  AuthSwitchRequestPacket(packet: AuthSwitchRequestPacket): void {
    const data = Auth.auth(String(packet.authMethodName), packet.authMethodData || Buffer.alloc(0), { password: this._config.password });
    if (data === undefined) {
      this.end(authErrors.unsupportedAuthMethod(String(packet.authMethodName)));
      return;
    }
    this.emit('packet', new Packets.AuthSwitchResponsePacket({ data }));
  }

  UseOldPasswordPacket(): void {
    if (!this._config.insecureAuth) {
      this.end(createError(
        'MySQL server is requesting the old and insecure pre-4.1 auth mechanism. ' +
          'Upgrade the user password or use the {insecureAuth: true} option.',
        'HANDSHAKE_INSECURE_AUTH',
        { fatal: true },
      ));
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
