import fs = require('fs');
import stream = require('stream');
import Sequence = require('./Sequence');
import Packets = require('../packets');
import ResultSet = require('../ResultSet');
import rowTemplate = require('../rowTemplate');
import ClientConstants = require('../constants/client');
import ServerStatus = require('../constants/server_status');
import createError = require('../createError');
import namedLocalFiles = require('../localInfile');
import isRowPacket = require('../isRowPacket');
import type Parser = require('../Parser');
import type { MysqlError } from '../../MysqlError';
import type OkPacket = require('../packets/OkPacket');
import type ErrorPacket = require('../packets/ErrorPacket');
import type EofPacket = require('../packets/EofPacket');
import type FieldPacket = require('../packets/FieldPacket');
import type ResultSetHeaderPacket = require('../packets/ResultSetHeaderPacket');
import type RowDataPacket = require('../packets/RowDataPacket');
import type LocalInfileRequestPacket = require('../packets/LocalInfileRequestPacket');


declare namespace Query {
  type TypeCast = RowDataPacket.TypeCast;
  interface Options extends Sequence.Options {
    sql?: string;
    values?: unknown;
    typeCast?: TypeCast;
    nestTables?: boolean | string;
    /** Supplies the data for LOAD DATA LOCAL INFILE instead of reading the named file from disk. */
    infileStreamFactory?: (path: string) => NodeJS.ReadableStream;
  }
  /** What a query needs of the connection it runs on. */
  interface Connection {
    config: { clientFlags: number; timezone: string; supportBigNumbers: boolean; bigNumberStrings: boolean;
      dateStrings: boolean | string[] };
    pause(): void;
    resume(): void;
    /** Backpressure of stream(): see rowBackpressure.ts. */
    _holdRows(): void;
    _releaseRows(): void;
    _endRows(): void;
  }
  interface StreamOptions {
    highWaterMark?: number;
  }
  /** One row: column name (with nestTables, table name) to value; typeCast decides the value types. */
  interface RowData {
    [column: string]: unknown;
  }
  /** The result of a statement that returns no rows (an OkPacket). */
  interface OkResult {
    fieldCount: number;
    affectedRows: number;
    insertId: number;
    serverStatus?: number;
    warningCount?: number;
    message: string;
    changedRows: number;
    protocol41: boolean;
  }
  /**
   * What a query delivers when the caller names no row type: the rows of a SELECT, the OkResult of any other
   * statement, or one of these per statement (multipleStatements). Typed as all of them at once, so that
   * `rows[0].name` and `result.insertId` both compile without `any`.
   */
  type Results = RowData[] & OkResult;
  /** A column of a result set, without its type code. */
  interface UntypedFieldInfo {
    catalog: string;
    db: string;
    table: string;
    orgTable: string;
    name: string;
    orgName: string;
    charsetNr: number;
    length: number;
    flags: number;
    decimals: number;
    default?: string;
    zeroFill: boolean;
    protocol41: boolean;
  }
  /** A column of a result set (a FieldPacket); `type` is a code from `Types`. */
  interface FieldInfo extends UntypedFieldInfo {
    type: number;
  }
  type Callback<T = Results> = (err: MysqlError | null, results: T, fields?: FieldInfo[]) => void;
  /** The call forms of query() on a Connection, Pool or PoolNamespace. */
  interface QueryFunction {
    (query: Query): Query;
    <T = Results>(sql: string | Options, callback?: Callback<T>): Query;
    <T = Results>(sql: string | Options, values: unknown, callback?: Callback<T>): Query;
  }
}

// Typed listeners for the events a query emits.
interface Query {
  on(event: 'result', listener: (row: Query.RowData | Query.OkResult, index: number) => void): this;
  on(event: 'fields', listener: (fields: Query.FieldInfo[], index: number) => void): this;
  on(event: 'error', listener: (err: MysqlError) => void): this;
  on(event: 'packet', listener: (packet: object) => void): this;
  on(event: 'end', listener: () => void): this;
  on(event: string | symbol, listener: (...args: unknown[]) => void): this;
}

// COM_QUERY: one or more result sets (or OK packets) in the text protocol, possibly with LOCAL INFILE.
class Query extends Sequence {
  sql: string | undefined;
  values: unknown;
  typeCast: Query.TypeCast;
  nestTables: boolean | string;
  _resultSet: ResultSet | null = null;
  _results: unknown[] = [];
  _fields: Array<FieldPacket[] | undefined> = [];
  _index = 0;
  _loadError: MysqlError | null = null;
  _connection: Query.Connection | undefined;
  _infileStreamFactory: Query.Options['infileStreamFactory'];

  constructor(options: Query.Options, callback?: Sequence.Callback) {
    super(options, callback);
    this.sql = options.sql;
    this.values = options.values;
    this.typeCast = options.typeCast === undefined ? true : options.typeCast;
    this.nestTables = options.nestTables || false;
    this._infileStreamFactory = options.infileStreamFactory;
  }

  override start(): void {
    this.emit('packet', new Packets.ComQueryPacket(this.sql));
  }

  override determinePacket(firstByte: number | undefined, parser: Parser): Sequence.PacketClass | undefined {
    const resultSet = this._resultSet;
    if (!resultSet) {
      switch (firstByte) {
        case 0x00:
          return Packets.OkPacket;
        case 0xfb:
          return Packets.LocalInfileRequestPacket;
        case 0xff:
          return Packets.ErrorPacket;
        default:
          return Packets.ResultSetHeaderPacket;
      }
    }
    if (resultSet.eofPackets.length === 0) {
      return resultSet.fieldPackets.length < (resultSet.resultSetHeaderPacket.fieldCount as number)
        ? Packets.FieldPacket
        : Packets.EofPacket;
    }
    if (isRowPacket(firstByte, parser.packetLength() as number)) return Packets.RowDataPacket;
    return firstByte === 0xff ? Packets.ErrorPacket : Packets.EofPacket;
  }

  override OkPacket(packet: OkPacket): void {
    try {
      if (!this._callback) {
        this.emit('result', packet, this._index);
      } else {
        this._results.push(packet);
        this._fields.push(undefined);
      }
    } finally {
      this._index++;
      this._resultSet = null;
      this._handleFinalResultPacket(packet);
    }
  }

  override ErrorPacket(packet: ErrorPacket): void {
    const err = this._packetToError(packet);
    const results = this._results.length > 0 ? this._results : undefined;
    const fields = this._fields.length > 0 ? this._fields : undefined;
    err.index = this._index;
    err.sql = this.sql;
    this.end(err, results, fields);
  }

  LocalInfileRequestPacket(packet: LocalInfileRequestPacket): void {
    const connection = this._connection;
    const filename = String(packet.filename);
    if (!connection || !(connection.config.clientFlags & ClientConstants.CLIENT_LOCAL_FILES)) {
      this._refuseLocalFile(createError('Load local files command is disabled', 'LOCAL_FILES_DISABLED', { fatal: false }));
      return;
    }
    if (this._infileStreamFactory) {
      this._sendLocalDataFile(this._infileStreamFactory(filename));
      return;
    }
    if (namedLocalFiles(this.sql).indexOf(filename) === -1) {
      this._refuseLocalFile(createError(
        'The server asked for the local file ' + JSON.stringify(filename) +
          ', which this query did not name; it was not sent',
        'LOCAL_INFILE_NOT_REQUESTED',
        { fatal: false },
      ));
      return;
    }
    this._sendLocalDataFile(fs.createReadStream(filename));
  }

  ResultSetHeaderPacket(packet: ResultSetHeaderPacket): void {
    this._resultSet = new ResultSet(packet);
  }

  FieldPacket(packet: FieldPacket): void {
    (this._resultSet as ResultSet).fieldPackets.push(packet);
  }

  EofPacket(packet: EofPacket): void {
    const resultSet = this._resultSet as ResultSet;
    resultSet.eofPackets.push(packet);
    if (resultSet.eofPackets.length === 1 && !this._callback) {
      this.emit('fields', resultSet.fieldPackets, this._index);
    }
    if (resultSet.eofPackets.length !== 2) return;

    if (this._callback) {
      this._results.push(resultSet.rows);
      this._fields.push(resultSet.fieldPackets);
    }
    this._index++;
    this._resultSet = null;
    this._handleFinalResultPacket(packet);
  }

  override _newRow(): RowDataPacket {
    const resultSet = this._resultSet as ResultSet;
    if (resultSet.rowTemplate === undefined) {
      // Nested rows are keyed by table, not by column.
      resultSet.rowTemplate = this.nestTables ? null : rowTemplate(resultSet.fieldPackets);
    }
    return rowTemplate.newRow(resultSet.rowTemplate);
  }

  RowDataPacket(packet: RowDataPacket, parser: Parser, connection: Query.Connection): void {
    const resultSet = this._resultSet as ResultSet;
    // The column readers depend on the columns and the connection's settings alone: chosen once per result set.
    const decoders = resultSet.decoders || (resultSet.decoders = Packets.RowDataPacket.decodersFor(
      resultSet.fieldPackets, connection.config));
    packet.parse(parser, resultSet.fieldPackets, this.typeCast, this.nestTables, connection, decoders);
    if (this._callback) {
      // An indexed store, which V8 compiles in place: push() stayed a call into a builtin here (W4: 8% of a row).
      const rows = resultSet.rows;
      rows[rows.length] = packet;
    } else {
      this.emit('result', packet, this._index);
    }
  }

  _handleFinalResultPacket(packet: OkPacket | EofPacket): void {
    if ((packet.serverStatus as number) & ServerStatus.SERVER_MORE_RESULTS_EXISTS) return;
    const results = this._results.length > 1 ? this._results : this._results[0];
    const fields = this._fields.length > 1 ? this._fields : this._fields[0];
    this.end(this._loadError, results, fields);
  }

  /**
   * Ends the query, however it ends (its last packet, an error, a timeout, a lost connection), then lets go of
   * what it gathered. A long query's Query object is often moved to V8's old generation while its rows arrive;
   * once it is garbage, young-generation collections still treat what it points to as alive, until the next full
   * collection. Rows kept in _results were then copied and promoted by every collection during the next queries
   * (workload 10 with trace: true, the default: 84% of the allocated bytes survived and the collector took 36% of
   * the CPU; with the reference dropped, 9-22% and 7%).
   */
  override end(...args: unknown[]): void {
    try {
      // The arguments as given: the callback receives exactly these.
      Sequence.prototype.end.apply(this, args as Parameters<Sequence['end']>);
    } finally {
      this._results = [];
      this._fields = [];
    }
  }

  /** Answers the file request with an empty file; the error is reported when the query ends. */
  _refuseLocalFile(err: MysqlError): void {
    this._loadError = err;
    this.emit('packet', new Packets.EmptyPacket());
  }

  _sendLocalDataFile(source: NodeJS.ReadableStream): void {
    this.on('pause', () => source.pause());
    this.on('resume', () => source.resume());
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      this.emit('packet', new Packets.EmptyPacket());
    };
    source.on('data', (data: Buffer | string) => {
      if (finished) return;
      this.emit('packet', new Packets.LocalDataFilePacket(typeof data === 'string' ? Buffer.from(data) : data));
    });
    source.on('error', (err: MysqlError) => {
      if (!this._loadError) this._loadError = err;
      finish();
    });
    source.on('end', finish);
  }

  stream(options: Query.StreamOptions = {}): stream.Readable {
    const readable = new stream.Readable({
      ...options,
      objectMode: true,
      read: () => this._connection && this._connection._releaseRows(),
    });

    this.on('result', (row: unknown, index: number) => {
      if (!readable.push(row) && this._connection) this._connection._holdRows();
      readable.emit('result', row, index);
    });
    this.on('error', (err: MysqlError) => readable.emit('error', err));
    this.on('end', () => {
      if (this._connection) this._connection._endRows();
      readable.push(null);
    });
    this.on('fields', (fields: Query.FieldInfo[], index: number) => readable.emit('fields', fields, index));
    return readable;
  }
}

export = Query;
