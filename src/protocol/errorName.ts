import ErrorConstants = require('./constants/errors');
import MariaDBErrors = require('./constants/mariadb_errors');

// MySQL and MariaDB gave some error numbers different names. The protocol marks the ERR packets that came from
// a MariaDB server, so each connection names its errors after its own server.
const fromMariaDB = new WeakSet<object>();

const errorName = {
  markFromMariaDB(packet: object): void {
    fromMariaDB.add(packet);
  },

  /** The error's code name, or undefined when no table knows the number. */
  of(errno: number, packet: object): string | undefined {
    if (fromMariaDB.has(packet)) {
      const name = MariaDBErrors[errno];
      if (name) return name;
    }
    return ErrorConstants[errno];
  },
};

export = errorName;
