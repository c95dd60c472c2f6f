// Turns "mysql://user:pass@host:3306/db?debug=true&charset=BIG5_CHINESE_CI" into connection options. Query
// parameters are read as JSON where they parse (true, 5000, ["ComQueryPacket"]) and as strings otherwise.
function parseConnectionUrl(input: string): Record<string, unknown> {
  const url = new URL(input);
  const options: Record<string, unknown> = {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1') || undefined,
    port: url.port ? Number(url.port) : undefined,
    database: decodeURIComponent(url.pathname.substring(1)),
  };
  if (url.username || url.password) {
    options.user = decodeURIComponent(url.username);
    options.password = decodeURIComponent(url.password);
  }
  for (const [key, value] of url.searchParams) {
    try {
      options[key] = JSON.parse(value);
    } catch {
      options[key] = value;
    }
  }
  return options;
}

export = parseConnectionUrl;
