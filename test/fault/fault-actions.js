'use strict';

// The ways a hostile server misbehaves at one stage of a conversation, each with the error codes the client may end
// in (undefined: any code, only the invariants are checked). `silentCode` is what going silent ends in: the query's
// or command's timeout, or connectTimeout during the handshake.

const LOST = ['PROTOCOL_CONNECTION_LOST'];
const RESET = ['ECONNRESET', 'PROTOCOL_CONNECTION_LOST'];

function faultActions(silentCode) {
  return [
    [{ action: 'close' }, LOST],
    [{ action: 'reset' }, RESET],
    [{ action: 'silent' }, [silentCode]],
    [{ action: 'truncate' }, LOST],
    [{ action: 'truncate', then: 'reset' }, RESET],
    [{ action: 'truncate', then: 'silent' }, [silentCode]],
    [{ action: 'seq' }, ['PROTOCOL_PACKETS_OUT_OF_ORDER']],
    // A wrong declared length may still parse as some valid answer.
    [{ action: 'length', delta: 5 }, undefined],
    [{ action: 'length', delta: -3 }, undefined],
  ];
}

module.exports = faultActions;
