import Sequence = require('./Sequence');
import Packets = require('../packets');
import Auth = require('../Auth');
import authErrors = require('../authErrors');
import type AuthSwitchRequestPacket = require('../packets/AuthSwitchRequestPacket');
import type ErrorPacket = require('../packets/ErrorPacket');
import type HandshakeInitializationPacket = require('../packets/HandshakeInitializationPacket');

declare namespace ChangeUser {
  interface Options extends Sequence.Options {
    user?: string;
    password?: string;
    database?: string;
    charsetNumber?: number;
    currentConfig: { user?: string; password?: string; database?: string; charsetNumber: number };
  }
}

// COM_CHANGE_USER: re-authenticates on the open connection (new user, database or charset).
class ChangeUser extends Sequence {
  _user: string | undefined;
  _password: string | undefined;
  _database: string | undefined;
  _charsetNumber: number | undefined;
  _currentConfig: ChangeUser.Options['currentConfig'];

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
    return undefined;
  }

  override start(handshake?: unknown): void {
    const greeting = handshake as HandshakeInitializationPacket;
    const packet = new Packets.ComChangeUserPacket({
      user: this._user,
      scrambleBuff: Auth.token(this._password, greeting.scrambleBuff()),
      database: this._database,
      charsetNumber: this._charsetNumber,
    });
    // The connection's config follows the session, so a reconnect or pool reset sees the new identity.
    const config = this._currentConfig;
    config.user = this._user;
    config.password = this._password;
    config.database = this._database;
    if (this._charsetNumber !== undefined) config.charsetNumber = this._charsetNumber;
    this.emit('packet', packet);
  }

  AuthSwitchRequestPacket(packet: AuthSwitchRequestPacket): void {
    const data = Auth.auth(String(packet.authMethodName), packet.authMethodData || Buffer.alloc(0), { password: this._password });
    if (data === undefined) {
      this.end(authErrors.unsupportedAuthMethod(String(packet.authMethodName)));
      return;
    }
    this.emit('packet', new Packets.AuthSwitchResponsePacket({ data }));
  }

  override ErrorPacket(packet: ErrorPacket): void {
    const err = this._packetToError(packet);
    err.fatal = true;
    this.end(err);
  }
}

export = ChangeUser;
