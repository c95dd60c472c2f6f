// The shape of an authentication plugin, built in or given in the authPlugins option.

/** The connection options that plugins read. */
export interface AuthOptions {
  insecureAuth?: boolean;
  allowPublicKeyRetrieval?: boolean;
  serverPublicKey?: string | Buffer;
  enableCleartextPlugin?: boolean;
}

/** What a plugin knows of the attempt it takes part in. */
export interface AuthPluginContext {
  /** The plugin name the server asked for. */
  pluginName: string;
  user: string | undefined;
  password: string | undefined;
  database: string | undefined;
  /** True over TLS or a Unix socket, where a password may travel as it is. */
  secure: boolean;
  options: AuthOptions;
}

/**
 * One plugin's side of the exchange. It is called with the server's data: first the seed of the greeting or of
 * the auth switch request, then the payload of each AuthMoreData packet (after its 0x01 byte). It returns the
 * bytes to send back, or nothing to send nothing and wait for the server, either directly or through a promise.
 * Throwing (or rejecting) ends the attempt with that error.
 */
export type AuthStep = (data: Buffer) => AuthResponse | Promise<AuthResponse>;
export type AuthResponse = Buffer | null | undefined | void;

/** Called once per attempt with the plugin name the server asked for; returns the step function. */
export type AuthPlugin = (context: AuthPluginContext) => AuthStep;
