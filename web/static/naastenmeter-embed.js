/*
 * Naastenmeter embed loader: one script tag puts the Naastenmeter on a
 * partner's page.
 *
 *   <div id="naastenmeter"></div>
 *   <script src="https://partner.example/naastenmeter/naastenmeter-embed.js"
 *           data-target="#naastenmeter" data-lang="nl" defer></script>
 *
 * It finds its own address, loads the app (naastenmeter_web.js, its wasm and
 * style.css) from beside itself, and mounts it in a shadow root of the
 * target, so the page's CSS and the app's CSS stay apart. Options come from
 * data- attributes on this tag and an optional
 * <script type="application/json" data-naastenmeter-config> block; they are
 * merged into one JSON object that the app checks (a wrong part is named in
 * the console and in a notice, and the app runs with the defaults for it).
 *
 * The only global name it adds is `Naastenmeter` (see docs/embedding.md).
 * It makes no request to any other address than its own folder, sets no
 * cookie and writes no storage; the embedded app keeps answers in progress
 * in memory only, and remembered results in localStorage after a yes
 * (SECURITY.md, "Limits").
 */
(function () {
  'use strict';

  // sha384 of the files beside this loader, filled in by web/package.sh
  // when it builds dist/; the browser then refuses any file that was changed
  // (Subresource Integrity). Empty in the source tree, where files change.
  var INTEGRITY = {};

  var VERSION = '0.1.0';
  var GLUE = 'naastenmeter_web.js';
  var WASM = 'naastenmeter_web_bg.wasm';
  var CSS = 'style.css';
  var PRINT_HOST_CSS = 'naastenmeter-print-host.css';

  if (window.Naastenmeter) {
    return;
  }

  // Where this file lives. A classic script knows itself as currentScript;
  // otherwise (loaded as a module, or from a bundle) look for the tag.
  var loaderTag = document.currentScript ||
    document.querySelector('script[src$="naastenmeter-embed.js"]');
  var base = new URL('.', loaderTag && loaderTag.src ? loaderTag.src : document.baseURI).href;
  var mounted = false;

  /** Adds the integrity attribute (and CORS mode, which SRI needs) to a link. */
  function protect(link, file) {
    if (INTEGRITY[file]) {
      link.integrity = INTEGRITY[file];
      link.crossOrigin = 'anonymous';
    }
  }

  /**
   * Loads the glue module. With integrity hashes, a modulepreload link
   * fetches it under SRI first; import() then uses that checked copy.
   */
  function loadGlue() {
    var url = base + GLUE;
    if (!INTEGRITY[GLUE]) {
      return import(url);
    }
    return new Promise(function (resolve, reject) {
      var link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = url;
      protect(link, GLUE);
      link.onload = function () { link.remove(); resolve(import(url)); };
      link.onerror = function () {
        link.remove();
        reject(new Error(GLUE + ' could not be loaded or failed its integrity check'));
      };
      document.head.appendChild(link);
    });
  }

  /** Reads the options of the script tag's data- attributes. */
  function attributeOptions(tag) {
    var options = {};
    if (!tag) {
      return options;
    }
    var data = tag.dataset;
    if (data.lang) options.language = data.lang;
    // data-address="formal": "u" instead of "je" (the core checks the value).
    if (data.address) options.address = data.address;
    if (data.quickExit) options.quick_exit_url = data.quickExit;
    if (data.partnerName) options.partner_name = data.partnerName;
    if (data.partnerLogo) options.partner_logo = data.partnerLogo;
    if (data.exports !== undefined) {
      // A list of the exports to offer: "print json fhir share_code remember".
      var wanted = data.exports.split(/[\s,]+/).filter(Boolean);
      options.exports = {};
      ['print', 'json', 'fhir', 'share_code', 'remember'].forEach(function (name) {
        options.exports[name] = wanted.indexOf(name) >= 0;
      });
      wanted.forEach(function (name) {
        if (!(name in options.exports)) options.exports[name] = true;
      });
    }
    Object.keys(data).forEach(function (key) {
      // data-theme-primary-text="#fff" becomes theme.primary_text.
      var match = /^theme([A-Z].*)$/.exec(key);
      if (match) {
        var name = match[1].replace(/[A-Z]/g, function (c) { return '_' + c.toLowerCase(); }).slice(1);
        options.theme = options.theme || {};
        options.theme[name] = data[key];
      }
    });
    return options;
  }

  /**
   * The configuration as JSON text: the JSON block with the attributes on
   * top. A block that is not a JSON object is passed on as it is, so the app
   * names its exact mistake (line and column) in the notice.
   */
  function configText(block, attributes) {
    var text = block ? block.textContent : '';
    if (!text.trim()) {
      return JSON.stringify(attributes);
    }
    var parsed;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return text;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return text;
    }
    Object.keys(attributes).forEach(function (key) {
      if (key === 'theme' && parsed.theme && typeof parsed.theme === 'object') {
        Object.keys(attributes.theme).forEach(function (name) { parsed.theme[name] = attributes.theme[name]; });
      } else {
        parsed[key] = attributes[key];
      }
    });
    return JSON.stringify(parsed);
  }

  /**
   * Mounts the app in `target` (an element or a CSS selector) with
   * `options` (an object in the JSON configuration format, or JSON text).
   * Resolves when the app runs; one app per page.
   */
  function mount(target, options) {
    var element = typeof target === 'string' ? document.querySelector(target) : target;
    if (!element || !element.attachShadow) {
      return Promise.reject(new Error('Naastenmeter: no element to mount in (' + target + ')'));
    }
    if (mounted) {
      return Promise.reject(new Error('Naastenmeter: already on this page; one app per page'));
    }
    mounted = true;
    var config = typeof options === 'string' ? options : JSON.stringify(options || {});

    var shadow = element.shadowRoot || element.attachShadow({ mode: 'open' });
    var style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = base + CSS;
    protect(style, CSS);
    var root = document.createElement('div');
    root.className = 'nm-root';
    var loading = document.createElement('p');
    loading.className = 'nm-loading';
    loading.setAttribute('role', 'status');
    loading.textContent = 'Naastenmeter wordt geladen… / Naastenmeter is loading…';
    root.appendChild(loading);
    shadow.appendChild(style);
    shadow.appendChild(root);

    // Printing the page prints only the app: mark the way from <html> down
    // to the app's element, and load a print-only stylesheet (a file, so a
    // strict style-src that allows the app's own files allows it too).
    for (var node = element; node && node.nodeType === 1; node = node.parentElement) {
      node.setAttribute('data-naastenmeter-print', '');
    }
    var printHost = document.createElement('link');
    printHost.rel = 'stylesheet';
    printHost.media = 'print';
    printHost.href = base + PRINT_HOST_CSS;
    protect(printHost, PRINT_HOST_CSS);
    document.head.appendChild(printHost);

    var wasm = fetch(base + WASM, INTEGRITY[WASM]
      ? { integrity: INTEGRITY[WASM], mode: 'cors', credentials: 'omit' }
      : { credentials: 'same-origin' });
    return loadGlue().then(function (glue) {
      return glue.default({ module_or_path: wasm }).then(function () {
        loading.remove();
        glue.mount(root, config, base);
      });
    }).catch(function (error) {
      loading.textContent = 'De Naastenmeter kon niet starten. Probeer het later nog eens. / ' +
        'Naastenmeter could not start. Please try again later.';
      console.error('Naastenmeter could not start:', error);
      throw error;
    });
  }

  /** Mounts from the script tag's own options, once the page is parsed. */
  function autoMount() {
    var selector = (loaderTag && loaderTag.dataset.target) || '#naastenmeter';
    var block = document.querySelector('script[type="application/json"][data-naastenmeter-config]');
    var text = configText(block, attributeOptions(loaderTag));
    return mount(selector, text);
  }

  var ready = new Promise(function (resolve, reject) {
    function go() {
      if (loaderTag && loaderTag.dataset.manual !== undefined) {
        resolve();
        return;
      }
      autoMount().then(resolve, reject);
    }
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', go, { once: true });
    } else {
      go();
    }
  });
  // A failed start is already in the console and on screen; this keeps the
  // browser from also reporting an unhandled rejection.
  ready.catch(function () {});

  /**
   * The one global name. `version`; `ready`, a promise that settles when
   * the automatic mount is done; `mount(target, options)` for pages that
   * use `data-manual` and mount themselves.
   */
  window.Naastenmeter = Object.freeze({ version: VERSION, ready: ready, mount: mount });
})();
