/* YASGUI over the project's own /sparql: named queries as tabs, no outside services. */
(function () {
  "use strict";
  var cfg = JSON.parse(document.getElementById("editor-config").textContent);
  var endpoint = new URL(cfg.endpoint, window.location.href).href;
  var fromUrl = new URLSearchParams(window.location.search).has("query");
  // Only the local variable completer: the prefix (prefix.cc) and class/property (LOV)
  // completers call outside services.
  Yasgui.Yasqe.defaults.autocompleters = ["variables"];
  Yasgui.Yasqe.defaults.prefixCcApi = null;
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    autoAddOnInit: false,
    persistenceId: null,
    populateFromUrl: true,
    endpointCatalogueOptions: {
      getData: function () { return [{ endpoint: endpoint }]; },
      keys: [],
    },
    yasqe: { autocompleters: ["variables"], prefixCcApi: null, persistenceId: null },
  });
  var first = null;
  cfg.queries.forEach(function (q, i) {
    var active = !fromUrl && (cfg.selected ? q.name === cfg.selected : i === 0);
    var tab = yasgui.addTab(active, {
      name: q.title,
      yasqe: { value: q.query },
      requestConfig: { endpoint: endpoint, method: "POST" },
    });
    if (active) { first = tab; }
  });
  window.dutygraphYasgui = yasgui;
  window.dutygraphYasguiA11y(document.getElementById("yasgui"));
  if (first && cfg.selected) {
    var tab = yasgui.getTab();
    if (tab) { tab.query(); }
  }
})();
