/**
 * Objects whose keys come from the user (attribute names, claims, path variables, header names):
 * every key is an ordinary own property. Plain assignment of `__proto__` would change the object's
 * prototype instead, and the key would vanish from the event.
 */
export function setOwn<Value>(target: Record<string, Value>, key: string, value: Value): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
