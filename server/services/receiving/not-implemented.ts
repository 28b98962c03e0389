/** Placeholder while the contract is published ahead of the services. */
export function notImplemented(): never {
  throw new Error("not implemented");
}
