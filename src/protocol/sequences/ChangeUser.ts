import Sequence = require('./Sequence');
import Packets = require('../packets');
import Auth = require('../Auth');
import ClientConstants = require('../constants/client');
import clientAttributes = require('../clientAttributes');
import Authenticator = require('../auth/Authenticator');
import negotiation = require('../auth/negotiation');
import type Handshake = require('./Handshake');
import type AuthMoreDataPacket = require('../packets/AuthMoreDataPacket');
import type AuthSwitchRequestPacket = require('../packets/AuthSwitchRequestPacket');
import type ErrorPacket = require('../packets/ErrorPacket');
import type HandshakeInitializationPacket = require('../packets/HandshakeInitializationPacket');

declare namespace ChangeUser {
  interface Options extends Sequence.Options {
    user?: string;
    password?: string;
    database?: string;
    charsetNumber?: number;
    currentConfig: Handshake.Config;
  }
}

// COM_CHANGE_USER: re-authenticates on the open connection (new user, database or charset), with the same
// plugins, auth switches and TLS state as the handshake.
class ChangeUser extends Sequence {
  _user: string | undefined;
  _password: string | undefined;
  _database: string | undefined;
  _charsetNumber: number | undefined;
  _currentConfig: ChangeUser.Options['currentConfig'];
  _authenticator: Authenticator | null = null;

  constructor(options: ChangeUser.Options, callback?: Sequence.Callback) {
    super(options, callback);
    this._user = options.user;
    this._password = options.password;
    this._database = options.database;
    this._charsetNumber = options.charsetNumber;
    this._currentConfig = options.currentConfig;
  }

  override determinePacket(firstByte: number | undefined): Sequence.PacketClass | undefined {
    if (firstByte === 0xfe) return Packets.AuthSwitchRequestPacket;
    if (firstByte === 0xff) return Packets.ErrorPacket;
    if (firstByte === 0x01) return Packets.AuthMoreDataPacket;
    return undefined;
  }

  override start(handshake?: unknown): void {
    const greeting = handshake as HandshakeInitializationPacket;
    const config = this._currentConfig;
    const clientFlags = negotiation.negotiateFlags(config.clientFlags, greeting);
    const authenticator = Authenticator.forSession({ user: this._user, password: this._password,
      database: this._database }, config, (err) => this.end(err));
    this._authenticator = authenticator;

    // The connection's config follows the session, so a reconnect or pool reset sees the new identity.
    config.user = this._user;
    config.password = this._password;
    config.database = this._database;
    if (this._charsetNumber !== undefined) config.charsetNumber = this._charsetNumber;

    const send = (scrambleBuff: Buffer, pluginName?: string) => {
      if (this._ended) return;
      this.emit('packet', new Packets.ComChangeUserPacket({
        user: this._user,
        scrambleBuff,
        database: this._database,
        charsetNumber: this._charsetNumber,
        pluginName,
        // The packet has no flags: the attributes follow a plugin name, so they need plugin auth too.
        connectAttributes: pluginName !== undefined && clientFlags & ClientConstants.CLIENT_CONNECT_ATTRS
          ? clientAttributes(config.connectAttributes)
          : undefined,
      }));
    };
    if (clientFlags & ClientConstants.CLIENT_PLUGIN_AUTH) {
      authenticator.begin(greeting.pluginData, greeting.scrambleBuff(), (pluginName, data) => send(data, pluginName));
    } else {
      send(Auth.token(this._password, greeting.scrambleBuff()));
    }
  }

  AuthSwitchRequestPacket(packet: AuthSwitchRequestPacket): void {
    const authenticator = this._authenticator as Authenticator; // created in start()
    authenticator.switchTo(String(packet.authMethodName), packet.authMethodData || Buffer.alloc(0),
      (data) => this._sendAuthData(data));
  }

  AuthMoreDataPacket(packet: AuthMoreDataPacket): void {
    const authenticator = this._authenticator as Authenticator; // created in start()
    authenticator.moreData(packet.data || Buffer.alloc(0), (data) => this._sendAuthData(data));
  }

  _sendAuthData(data: Buffer): void {
    if (!this._ended) this.emit('packet', new Packets.AuthSwitchResponsePacket({ data }));
  }

  override ErrorPacket(packet: ErrorPacket): void {
    const err = this._packetToError(packet);
    err.fatal = true;
    this.end(err);
  }
}

export = ChangeUser;
