// chevrotain 13 (via langium 4.4) calls Object.groupBy, which Node 20 lacks.
// Imported first by the service factory, the CLI and `langium generate`.
if (typeof Object.groupBy !== 'function') {
  Object.defineProperty(Object, 'groupBy', {
    configurable: true, writable: true,
    value(items, keyOf) {
      const groups = Object.create(null); let i = 0;
      for (const item of items) (groups[keyOf(item, i++)] ??= []).push(item);
      return groups;
    }
  });
}
