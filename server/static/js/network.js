/* The network picture: cytoscape.js, laid out so that it stays readable with
   hundreds of nodes; clicking (or Enter on a focused picture) opens a node's page. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("network-data").textContent);
  var el = document.getElementById("network");
  var colours = { actor: "#1f4e9c", mechanism: "#8a4b00", carrier: "#1b6b5a", norm: "#6b6b6b" };
  var modality = { obligation: "#1f4e9c", prohibition: "#b3261e", permission: "#1b7a3a",
                   encouragement: "#7b3fa0", provision: "#5f6368" };
  var elements = data.nodes.map(function (n) { return { data: n, group: "nodes" }; })
    .concat(data.edges.map(function (e, i) {
      return { group: "edges", data: { id: "e" + i, source: e.source, target: e.target, kind: e.kind } };
    }));
  var big = data.nodes.length > 100;
  var cy = cytoscape({
    container: el,
    elements: elements,
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: {
          "label": "data(label)", "font-size": 11, "color": "#1a1a1a",
          "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "ellipsis",
          "text-max-width": 120, "min-zoomed-font-size": big ? 8 : 0,
          "background-color": function (n) { return colours[n.data("kind")] || "#444"; },
          "width": 22, "height": 22, "text-background-color": "#fff",
          "text-background-opacity": 0.8, "text-background-padding": 1 } },
      { selector: "node[kind = 'norm']", style: {
          "shape": "round-rectangle", "width": 12, "height": 12, "font-size": 9,
          "background-color": function (n) { return modality[n.data("modality")] || "#666"; } } },
      { selector: "node[kind = 'mechanism']", style: { "shape": "diamond", "width": 20, "height": 20 } },
      { selector: "node[kind = 'carrier']", style: { "shape": "hexagon" } },
      { selector: "node[?focus]", style: { "width": 36, "height": 36, "font-size": 14,
          "font-weight": "bold", "border-width": 3, "border-color": "#000" } },
      { selector: "edge", style: { "width": 1, "line-color": "#b8b8b8", "curve-style": "haystack",
          "opacity": 0.8 } },
      { selector: "edge[kind = 'within']", style: { "line-style": "dashed", "line-color": "#1f4e9c",
          "curve-style": "bezier", "target-arrow-shape": "triangle",
          "target-arrow-color": "#1f4e9c" } },
      { selector: "node:active, node.hover", style: { "overlay-opacity": 0.15 } },
    ],
    layout: {
      name: "cose", animate: false, randomize: false, nodeDimensionsIncludeLabels: true,
      idealEdgeLength: function () { return big ? 60 : 90; },
      nodeRepulsion: function () { return big ? 9000 : 12000; },
      nodeOverlap: 12, gravity: 0.4, numIter: big ? 1500 : 1000, padding: 20,
      componentSpacing: 60,
    },
  });
  cy.on("tap", "node", function (evt) {
    var href = evt.target.data("href");
    if (href) { window.location.href = href; }
  });
  cy.on("mouseover", "node", function (evt) { evt.target.addClass("hover"); el.style.cursor = "pointer"; });
  cy.on("mouseout", "node", function (evt) { evt.target.removeClass("hover"); el.style.cursor = ""; });
  el.setAttribute("data-rendered", String(cy.nodes().length));
  window.dutygraphNetwork = cy;
})();
