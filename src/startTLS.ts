import net = require('net');
import tls = require('tls');
import type ConnectionConfig = require('./ConnectionConfig');
import type Protocol = require('./protocol/Protocol');
import type { MysqlError } from './MysqlError';

interface TlsConnection {
  config: ConnectionConfig;
  _socket: net.Socket | undefined;
  _protocol: Protocol;
  _handleNetworkError(err: MysqlError): void;
}

// Upgrades the connection's socket to TLS after the SSL request packet: from then on the protocol reads and
// writes cleartext through the TLS socket, which verifies the server's certificate and name.
function startTLS(connection: TlsConnection, onSecure: (err?: MysqlError | null) => void): void {
  const config = connection.config;
  const ssl = config.ssl || {};
  const socket = connection._socket as net.Socket;
  const protocol = connection._protocol;

  let secureContext: tls.SecureContext;
  try {
    secureContext = tls.createSecureContext({
      ca: ssl.ca, cert: ssl.cert, key: ssl.key, passphrase: ssl.passphrase, ciphers: ssl.ciphers,
      minVersion: ssl.minVersion as tls.SecureVersion | undefined,
      maxVersion: ssl.maxVersion as tls.SecureVersion | undefined,
    });
  } catch (err) {
    onSecure(err as MysqlError);
    return;
  }

  socket.removeAllListeners('data');
  protocol.removeAllListeners('data');

  const rejectUnauthorized = ssl.rejectUnauthorized !== false;
  const secureSocket = tls.connect({
    socket,
    secureContext,
    rejectUnauthorized,
    servername: net.isIP(config.host) ? undefined : config.host,
    host: config.host,
  });
  let established = false;

  secureSocket.on('error', (err: MysqlError) => {
    if (established) connection._handleNetworkError(err);
    else onSecure(err);
  });
  secureSocket.on('data', (data: Buffer) => protocol.write(data));
  protocol.on('data', (data: Buffer) => {
    if (!secureSocket.destroyed) secureSocket.write(data);
  });
  secureSocket.once('secureConnect', () => {
    established = true;
    onSecure(null);
  });
}

export = startTLS;
