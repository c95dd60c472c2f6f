// Column definition flags (include/mysql_com.h of MySQL 9.x; MariaDB uses the same bits). The
// column definition packet carries only the low 16 bits.

const FieldFlags = {
  NOT_NULL_FLAG: 1, // field can't be NULL
  PRI_KEY_FLAG: 2, // field is part of a primary key
  UNIQUE_KEY_FLAG: 4, // field is part of a unique key
  MULTIPLE_KEY_FLAG: 8, // field is part of a key
  BLOB_FLAG: 16, // field is a blob
  UNSIGNED_FLAG: 32, // field is unsigned
  ZEROFILL_FLAG: 64, // field is zerofill
  BINARY_FLAG: 128, // field is binary

  // The following are only sent to new clients
  ENUM_FLAG: 256, // field is an enum
  AUTO_INCREMENT_FLAG: 512, // field is an autoincrement field
  TIMESTAMP_FLAG: 1024, // field is a timestamp
  SET_FLAG: 2048, // field is a set
  NO_DEFAULT_VALUE_FLAG: 4096, // field doesn't have a default value
  ON_UPDATE_NOW_FLAG: 8192, // field is set to NOW on UPDATE
  PART_KEY_FLAG: 16384, // field is part of some key (server internal, but within the 16 bits sent)
  NUM_FLAG: 32768, // field is num (for clients)
} as const;

export = FieldFlags;
