import Client = require('../constants/client');

// Capabilities that change the handshake response's bytes, so they are sent only when the server offers them
// too (an old server would misread the packet otherwise).
const NEGOTIATED =
  Client.CLIENT_PLUGIN_AUTH | Client.CLIENT_CONNECT_ATTRS | Client.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA;

interface Greeting {
  serverCapabilities1?: number;
  serverCapabilities2?: number;
}

/** The client flags to send: the configured ones, less the negotiated capabilities the server lacks. */
function negotiateFlags(clientFlags: number, greeting: Greeting): number {
  const server = (greeting.serverCapabilities1 || 0) | ((greeting.serverCapabilities2 || 0) << 16);
  return (clientFlags & ~(NEGOTIATED & ~server)) >>> 0;
}

/** TLS is on (the Handshake sets CLIENT_SSL only once it upgrades) or the connection is a Unix socket. */
function isSecure(config: { socketPath?: string; ssl?: unknown; clientFlags: number }): boolean {
  return Boolean(config.socketPath) || (Boolean(config.ssl) && (config.clientFlags & Client.CLIENT_SSL) !== 0);
}

export = { negotiateFlags, isSecure };
