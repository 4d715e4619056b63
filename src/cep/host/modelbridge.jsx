// @ts-check
// modelBridge host script for Premiere Pro. ES3 only (ExtendScript): no let/const, arrow functions,
// JSON, Array.prototype.map or trailing commas (.prettierrc.json turns them off for this folder).
// Types come from types-for-adobe through src/cep/host/tsconfig.json; tests/unit/cep parses it with
// acorn at ecmaVersion 3 and runs it against a fake Premiere. Every function returns a JSON string
// {ok:true,value} | {ok:false,error}, so nothing is ever thrown across the CEP bridge: a throw there
// reaches the panel as an opaque string.
(function (global) {
  var NS = 'com.modelbridge.panel';
  var BIN_NAME = 'modelBridge';

  /** @param {*} value @returns {string} */
  function toJson(value) {
    if (value === null || value === undefined) return 'null';
    var type = typeof value;
    if (type === 'number') return isFinite(value) ? String(value) : 'null';
    if (type === 'boolean') return value ? 'true' : 'false';
    if (type === 'string') return quote(value);
    var parts = [];
    if (value instanceof Array) {
      for (var i = 0; i < value.length; i++) parts.push(toJson(value[i]));
      return '[' + parts.join(',') + ']';
    }
    for (var key in value) {
      if (value.hasOwnProperty(key)) parts.push(quote(key) + ':' + toJson(value[key]));
    }
    return '{' + parts.join(',') + '}';
  }

  /** @param {string} s @returns {string} */
  function quote(s) {
    var out = '"';
    for (var i = 0; i < s.length; i++) {
      var c = s.charAt(i);
      var code = s.charCodeAt(i);
      if (c === '"' || c === '\\') out += '\\' + c;
      else if (code < 32) out += '\\u' + ('0000' + code.toString(16)).slice(-4);
      else out += c;
    }
    return out + '"';
  }

  /** @param {*} e @returns {string} what went wrong, from an Error or anything else thrown */
  function messageOf(e) {
    return String(e && e.message ? e.message : e);
  }

  /** @param {() => *} body @returns {string} */
  function reply(body) {
    try {
      return toJson({ ok: true, value: body() });
    } catch (e) {
      return toJson({ ok: false, error: messageOf(e) });
    }
  }

  /** @returns {ProjectItem} the project's bin for generated media, created on first use */
  function findOrCreateBin() {
    var root = app.project.rootItem;
    for (var i = 0; i < root.children.numItems; i++) {
      var item = root.children[i];
      if (item && item.name === BIN_NAME && item.type === ProjectItemType.BIN) return item;
    }
    return root.createBin(BIN_NAME);
  }

  /** @param {string} path @returns {string} folder part of a path, either separator */
  function folderOf(path) {
    var cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return cut < 0 ? '' : path.substring(0, cut);
  }

  var api = {
    ping: function () {
      return reply(function () {
        return 'pong';
      });
    },
    /** The open project's path and the media folder beside it (generated media live there). */
    projectInfo: function () {
      return reply(function () {
        if (!app.project || !app.project.path)
          throw new Error('No Premiere project is open. Open or save a project first.');
        var dir = folderOf(app.project.path);
        return { path: app.project.path, name: app.project.name, mediaDir: dir + '/modelBridge_Media' };
      });
    },
    /** Imports one saved file into the modelBridge bin. @param {string} path */
    importMedia: function (path) {
      return reply(function () {
        if (typeof path !== 'string' || path === '') throw new Error('No file to import was given.');
        if (!app.project) throw new Error('No Premiere project is open. Open or save a project first.');
        var bin = findOrCreateBin();
        var ok = app.project.importFiles([path], true, bin, false);
        if (!ok)
          throw new Error(
            'Premiere could not import ' + path + '. Check the file exists and is a supported format.'
          );
        return { path: path, bin: BIN_NAME };
      });
    }
  };

  global[NS] = api;
})($.global);
