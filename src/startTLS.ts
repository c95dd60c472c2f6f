import net = require('net');
import tls = require('tls');
import coalescedWriter = require('./coalescedWriter');
import rowBackpressure = require('./rowBackpressure');
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
// writes cleartext through the TLS socket. The ssl option is in tls.createSecureContext's format (ca, cert, key,
// passphrase, ciphers, minVersion, maxVersion, ...). Unless ssl.rejectUnauthorized is false, the server's
// certificate must chain to a trusted CA and name `host` (or ssl.servername), which is also sent as SNI.
function startTLS(connection: TlsConnection, onSecure: (err?: MysqlError | null) => void): void {
  const config = connection.config;
  const ssl = config.ssl || {};
  const socket = connection._socket as net.Socket;
  const protocol = connection._protocol;

  let secureContext: tls.SecureContext;
  try {
    secureContext = tls.createSecureContext(ssl as tls.SecureContextOptions);
  } catch (err) {
    onSecure(err as MysqlError);
    return;
  }

  socket.removeAllListeners('data');
  protocol.removeAllListeners('data');

  const servername = typeof ssl.servername === 'string' ? ssl.servername : config.host;
  const secureSocket = tls.connect({
    socket,
    secureContext,
    rejectUnauthorized: ssl.rejectUnauthorized !== false,
    // SNI carries host names only; an IP address is still checked against the certificate.
    servername: net.isIP(servername) ? undefined : servername,
    host: servername,
    checkServerIdentity: typeof ssl.checkServerIdentity === 'function'
      ? ssl.checkServerIdentity as typeof tls.checkServerIdentity
      : tls.checkServerIdentity,
  });
  let established = false;

  secureSocket.on('error', (err: MysqlError) => {
    if (established) connection._handleNetworkError(err);
    else onSecure(err);
  });
  secureSocket.on('data', (data: Buffer) => rowBackpressure.receive(connection, secureSocket, data));
  // The TLS socket now owns the TCP handle, so the plain socket no longer reports the server closing.
  secureSocket.on('end', () => protocol.end());
  protocol.on('data', coalescedWriter(secureSocket));
  secureSocket.once('secureConnect', () => {
    established = true;
    // pause(), resume() and destroy() must act on the socket that reads, or a paused result set keeps arriving.
    connection._socket = secureSocket;
    onSecure(null);
  });
}

export = startTLS;
