/** An enum object for registerEnumType from a const array, so that the array stays the one declaration of the values. */
export function enumOf<const T extends string>(values: readonly T[]): { readonly [K in T]: K } {
  return Object.freeze(Object.fromEntries(values.map((v) => [v, v]))) as { readonly [K in T]: K };
}
