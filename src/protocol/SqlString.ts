import SqlString = require('sqlstring');

// Escaping and placeholder formatting come from the sqlstring package, which mysqljs itself uses, so escaped
// output stays byte-for-byte the same.
export = SqlString;
