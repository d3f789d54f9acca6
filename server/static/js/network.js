/* The network picture: cytoscape.js, laid out so that it stays readable with
   hundreds of nodes; clicking (or Enter on a focused picture) opens a node's page. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("network-data").textContent);
  var el = document.getElementById("network");
  var colours = { actor: "#1f4e9c", mechanism: "#8a4b00", carrier: "#1b6b5a", norm: "#6b6b6b" };
  var modality = { obligation: "#1f4e9c", prohibition: "#b3261e", permission: "#1b7a3a",
                   encouragement: "#7b3fa0", provision: "#5f6368" };
  var degree = {};
  data.edges.forEach(function (e) {
    degree[e.source] = (degree[e.source] || 0) + 1;
    degree[e.target] = (degree[e.target] || 0) + 1;
  });
  var elements = data.nodes.map(function (n) {
    var d = Object.assign({ deg: degree[n.id] || 0 }, n);
    return { data: d, group: "nodes" };
  })
    .concat(data.edges.map(function (e, i) {
      return { group: "edges", data: { id: "e" + i, source: e.source, target: e.target, kind: e.kind,
                                        weight: e.weight || 1 } };
    }));
  var big = data.nodes.length > 100;
  var cy = cytoscape({
    container: el,
    elements: elements,
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: {
          "label": "data(label)", "font-size": big ? 13 : 12, "color": "#1a1a1a",
          "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "ellipsis",
          "text-max-width": 140, "min-zoomed-font-size": 0,
          "background-color": function (n) { return colours[n.data("kind")] || "#444"; },
          "width": "mapData(deg, 1, 40, 16, 46)", "height": "mapData(deg, 1, 40, 16, 46)",
          "text-background-color": "#fff",
          "text-background-opacity": 0.8, "text-background-padding": 1 } },
      { selector: "node[kind = 'norm']", style: {
          "shape": "round-rectangle", "width": 10, "height": 10, "font-size": 9,
          "min-zoomed-font-size": big ? 9 : 0,
          "background-color": function (n) { return modality[n.data("modality")] || "#666"; } } },
      { selector: "node[kind = 'mechanism']", style: { "shape": "diamond" } },
      { selector: "node[kind = 'carrier']", style: { "shape": "hexagon" } },
      { selector: "node[?focus]", style: { "width": 36, "height": 36, "font-size": 14,
          "font-weight": "bold", "border-width": 3, "border-color": "#000" } },
      { selector: "edge", style: { "width": "mapData(weight, 1, 50, 1, 6)", "line-color": "#b8b8b8",
          "curve-style": "haystack", "opacity": 0.8 } },
      { selector: "edge[kind = 'within']", style: { "line-style": "dashed", "line-color": "#1f4e9c",
          "curve-style": "bezier", "target-arrow-shape": "triangle",
          "target-arrow-color": "#1f4e9c" } },
      { selector: "node:active, node.hover", style: { "overlay-opacity": 0.15 } },
    ],
    layout: {
      name: "cose", animate: false, randomize: false, nodeDimensionsIncludeLabels: true,
      idealEdgeLength: function () { return 70; },
      nodeRepulsion: function () { return 400000; },
      edgeElasticity: function () { return 80; },
      nodeOverlap: 20, gravity: 60, numIter: 2500, padding: 20,
      componentSpacing: 80, initialTemp: 1000, coolingFactor: 0.97,
    },
  });
  cy.on("tap", "node", function (evt) {
    var href = evt.target.data("href");
    if (href) { window.location.href = href; }
  });
  cy.on("mouseover", "node", function (evt) { evt.target.addClass("hover"); el.style.cursor = "pointer"; });
  cy.on("mouseout", "node", function (evt) { evt.target.removeClass("hover"); el.style.cursor = ""; });
  // Labels keep a readable size on screen whatever the zoom; norm labels appear
  // once zoomed in far enough to tell them apart.
  // With many nodes, only the best-connected names are labelled at first; zooming
  // in reveals the rest.
  var ranked = cy.nodes("[kind != 'norm']").sort(function (a, b) {
    return b.data("deg") - a.data("deg"); });
  var fitZoom = cy.zoom();
  function scaleLabels() {
    var z = cy.zoom();
    var shown = big ? Math.round(30 * Math.pow(z / fitZoom, 2)) : ranked.length;
    cy.batch(function () {
      ranked.forEach(function (n, i) {
        n.style({ "font-size": 12 / z, "text-max-width": 150 / z, "text-margin-y": 3 / z,
          "text-opacity": i < shown || n.data("focus") ? 1 : 0 });
      });
      cy.nodes("[kind = 'norm']").style({ "font-size": 10 / z, "text-max-width": 150 / z,
        "text-opacity": !big || z > fitZoom * 2.5 ? 1 : 0 });
    });
  }
  cy.on("zoom", scaleLabels);
  scaleLabels();
  el.setAttribute("data-rendered", String(cy.nodes().length));
  window.dutygraphNetwork = cy;
})();
