"use strict";
(function () {
  var svgNs = "http://www.w3.org/2000/svg";
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.finding"));
  var form = document.getElementById("filters");
  var shown = document.getElementById("shown");

  function ids(row, name) {
    var value = row.getAttribute(name);
    return value ? value.split(" ") : [];
  }

  function applyFilters() {
    var wanted = {};
    ["severity", "pack", "rule", "zone"].forEach(function (name) { wanted[name] = form.elements[name].value; });
    var count = 0;
    rows.forEach(function (row) {
      var match = (!wanted.severity || row.dataset.severity === wanted.severity)
        && (!wanted.pack || row.dataset.pack === wanted.pack)
        && (!wanted.rule || row.dataset.rule === wanted.rule)
        && (!wanted.zone || ids(row, "data-zones").indexOf(wanted.zone) >= 0);
      row.hidden = !match;
      if (match) { count++; }
    });
    shown.textContent = count + " of " + rows.length;
  }

  function clearHighlights() {
    Array.prototype.forEach.call(document.querySelectorAll(".hl, .hop, .chosen"), function (element) {
      element.classList.remove("hl", "hop", "chosen");
    });
    Array.prototype.forEach.call(document.querySelectorAll("g.overlay"), function (overlay) { overlay.remove(); });
  }

  function centre(element) {
    var box = element.getBBox();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  function drawPath(hops) {
    var svg = hops[0].ownerSVGElement;
    var overlay = document.createElementNS(svgNs, "g");
    overlay.setAttribute("class", "overlay");
    var line = document.createElementNS(svgNs, "polyline");
    var points = hops.map(function (hop) { return centre(hop.querySelector("rect") || hop); });
    line.setAttribute("points", points.map(function (p) { return p.x + "," + p.y; }).join(" "));
    overlay.appendChild(line);
    points.forEach(function (p, index) {
      var marker = document.createElementNS(svgNs, "g");
      marker.setAttribute("class", "hop-number");
      var circle = document.createElementNS(svgNs, "circle");
      circle.setAttribute("cx", p.x); circle.setAttribute("cy", p.y); circle.setAttribute("r", 9);
      var text = document.createElementNS(svgNs, "text");
      text.setAttribute("x", p.x); text.setAttribute("y", p.y + 4); text.setAttribute("text-anchor", "middle");
      text.textContent = String(index + 1);
      marker.appendChild(circle); marker.appendChild(text); overlay.appendChild(marker);
    });
    svg.appendChild(overlay);
  }

  function choose(row) {
    clearHighlights();
    row.classList.add("chosen");
    var targets = ids(row, "data-targets").map(function (id) { return document.getElementById(id); }).filter(Boolean);
    targets.forEach(function (element) { element.classList.add("hl"); });
    var hops = ids(row, "data-path").map(function (id) { return document.getElementById(id); }).filter(Boolean);
    hops.forEach(function (element) { element.classList.add("hop"); });
    if (hops.length > 0) { drawPath(hops); }
    var first = hops[0] || targets[0];
    if (first) { first.scrollIntoView({ block: "center", inline: "center" }); }
  }

  // A page with no findings has no filters (and a change review none at all): nothing to wire up.
  if (!form) { return; }
  form.hidden = false;
  form.addEventListener("change", applyFilters);
  rows.forEach(function (row) {
    row.addEventListener("click", function (event) {
      if (event.target.closest("a[href^='http']")) { return; }
      choose(row);
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("g.zone"), function (zone) {
    zone.addEventListener("click", function () {
      form.elements.zone.value = zone.id;
      applyFilters();
    });
  });
  applyFilters();
})();
