/**
 * The common-password list: the 49,000 most used passwords maintained by zxcvbn-ts
 * (`@zxcvbn-ts/language-common`). It weighs about 200 KiB gzip, so it is never in the default
 * browser bundle: it is a separate entry (`@portier/core/common-passwords`) loaded with a dynamic
 * import, on the server side by backends and lazily by password forms.
 */
let loading: Promise<ReadonlySet<string>> | undefined;

/** Loads the list once and returns it as a set of lower-cased passwords. A failed load (the network) is tried again on the next call. */
export function loadCommonPasswords(): Promise<ReadonlySet<string>> {
  loading ??= import('@zxcvbn-ts/language-common/dist/passwords.json.mjs').then(
    (module: { default: string[] }) => new Set(module.default.map((password) => password.toLowerCase())),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
