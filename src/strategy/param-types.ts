/** A strategy parameter value, as it can come from defaults, YAML or `--param key=value`. */
export type ParamValue = string | number | boolean;
/** A strategy's parameters. */
export type Params = Readonly<Record<string, ParamValue>>;
