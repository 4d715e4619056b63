// localforage needs IndexedDB; node has none (STACK.md): load the fake before any test imports localforage.
import 'fake-indexeddb/auto';
