/**
 * A copy, for one event, of a value prepared once per run, so an edit to one event (`--set`,
 * `--merge`) never reaches the next. Nothing to copy is returned as it is: cloning `undefined` costs
 * as much as cloning a small object.
 */
export function freshCopy<Value>(value: Value): Value {
  return value === undefined || value === null ? value : structuredClone(value);
}
