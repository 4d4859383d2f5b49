/**
 * The demo directory as the environment uses it (main/demo/directory answers this shape).
 *
 * Written down here so the environment depends on the few fields it reads, and tests may
 * hand over another directory (the shared Samba test DC) in its place.
 */
export type DemoDirectoryHandle = {
  /** `ldaps://127.0.0.1:<port>`. */
  readonly url: string;
  /** The PEM file of the demo's own CA. */
  readonly caFile: string;
  /** The name on the directory's certificate. */
  readonly serverName: string;
  readonly baseDn: string;
  readonly dnsDomainName: string;
  readonly netbiosDomain: string;
  /** The demo's administrator; its password never leaves main. */
  readonly administrator: { readonly user: string; readonly password: string };
  close(): Promise<void>;
};

/** Start (or reopen) the demo directory kept in `folder`. */
export type StartDemoDirectory = (options: { folder: string }) => Promise<DemoDirectoryHandle>;
