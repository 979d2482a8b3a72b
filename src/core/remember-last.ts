/**
 * `compute` with its last answer kept: a run asks the same question of each event (the day of its
 * time, the run's Content-Type), so one remembered key spares nearly every call. `compute` must be a
 * pure function of its key, compared with `===`.
 */
export function rememberLast<Key, Value>(compute: (key: Key) => Value): (key: Key) => Value {
  let known = false;
  let lastKey: Key;
  let lastValue: Value;
  return (key) => {
    if (!known || key !== lastKey) {
      lastValue = compute(key);
      lastKey = key;
      known = true;
    }
    return lastValue;
  };
}
