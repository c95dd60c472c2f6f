import ChangeUser = require('./ChangeUser');
import Handshake = require('./Handshake');
import Ping = require('./Ping');
import Query = require('./Query');
import Quit = require('./Quit');
import Sequence = require('./Sequence');
import Statistics = require('./Statistics');

// Every sequence class by name, as mysqljs's sequences/index exposes them.
const Sequences = { ChangeUser, Handshake, Ping, Query, Quit, Sequence, Statistics };

export = Sequences;
