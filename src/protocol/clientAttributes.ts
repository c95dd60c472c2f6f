import os = require('os');

// The connection attributes sent in the handshake response when the server supports them (MySQL shows them in
// performance_schema.session_connect_attrs): the ones every MySQL client sends, then the connectAttributes option.
const VERSION = (require('../../package.json') as { version: string }).version;

function clientAttributes(extra?: Record<string, unknown>): Record<string, string> {
  const attributes: Record<string, string> = {
    _client_name: 'mysql-ts',
    _client_version: VERSION,
    _os: os.type(),
    _platform: process.arch,
    _pid: String(process.pid),
  };
  if (extra) {
    for (const key of Object.keys(extra)) attributes[key] = String(extra[key]);
  }
  return attributes;
}

export = clientAttributes;
