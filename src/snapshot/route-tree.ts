// PLACEHOLDER until the router lands.
export interface RouteTree<T> {
  readonly _t?: T;
}
