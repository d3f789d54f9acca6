/* Accessibility for YASGUI (the pinned npm package, configured here, never forked):
   names for its unlabelled controls, tabs whose aria-controls name a panel that
   exists, the add-tab button as the tab entry YASGUI's arrow keys already treat it as,
   a header text for the row-number column, and scrollable result regions that can be
   reached from the keyboard. Re-applied whenever YASGUI redraws. */
(function () {
  "use strict";
  var zh = (document.documentElement.lang || "").indexOf("zh") === 0;
  var NAMES = zh ? {
    endpoint: "SPARQL 端点", sizer: "每页显示的结果数", query: "SPARQL 查询",
    row: "序号", addTab: "新建标签页", region: "查询结果", rename: "标签页名称",
  } : {
    endpoint: "SPARQL endpoint", sizer: "Results per page", query: "SPARQL query",
    row: "Row", addTab: "Add a new tab", region: "Query results", rename: "Tab name",
  };

  function set(el, name, value) {
    if (el.getAttribute(name) !== value) { el.setAttribute(name, value); }
  }

  function name(root, selector, label) {
    root.querySelectorAll(selector).forEach(function (el) {
      if (!el.getAttribute("aria-label") && !el.getAttribute("aria-labelledby")) {
        set(el, "aria-label", label);
      }
    });
  }

  function tabs(root) {
    root.querySelectorAll("[role=tab][href^='#']").forEach(function (tab) {
      var panel = tab.getAttribute("href").slice(1);
      if (document.getElementById(panel)) { set(tab, "aria-controls", panel); }
      else if (tab.hasAttribute("aria-controls")) { tab.removeAttribute("aria-controls"); }
    });
    root.querySelectorAll(".tabsList .addTab").forEach(function (button) {
      set(button, "role", "tab");
      set(button, "aria-selected", "false");
      set(button, "aria-label", NAMES.addTab);
    });
  }

  function headers(root) {
    root.querySelectorAll(".yasr thead th .dt-column-title").forEach(function (title) {
      if (!title.textContent.trim()) {
        title.innerHTML = '<span class="visually-hidden">' + NAMES.row + "</span>";
      }
    });
  }

  function scrollers(root) {
    root.querySelectorAll(".yasr_results, .dt-layout-table, .dt-scroll-body").forEach(
      function (el) {
        var style = window.getComputedStyle(el);
        var scrolls = /(auto|scroll)/.test(style.overflowX + style.overflowY);
        if (scrolls && !el.hasAttribute("tabindex")) {
          set(el, "tabindex", "0");
          set(el, "role", "region");
          set(el, "aria-label", NAMES.region);
        }
      });
  }

  function fix(root) {
    name(root, "input.autocomplete", NAMES.endpoint);
    name(root, "select.tableSizer", NAMES.sizer);
    name(root, ".tabsList .tab input[type=text]", NAMES.rename);
    name(root, ".yasqe .CodeMirror textarea", NAMES.query);
    tabs(root);
    headers(root);
    scrollers(root);
  }

  window.dutygraphYasguiA11y = function (root) {
    var pending = false;
    fix(root);
    new MutationObserver(function () {
      if (pending) { return; }
      pending = true;
      window.requestAnimationFrame(function () { pending = false; fix(root); });
    }).observe(root, { childList: true, subtree: true });
  };
})();
