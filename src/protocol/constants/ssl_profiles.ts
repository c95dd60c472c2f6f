// Named SSL option sets for `ssl: '<name>'`. mysqljs bundled the Amazon RDS certificate authorities here; they are
// provided by the TLS work (see the README), so the table starts empty and an unknown name is a clear TypeError.
const SslProfiles: Record<string, { ca?: string[] }> = {};

export = SslProfiles;
