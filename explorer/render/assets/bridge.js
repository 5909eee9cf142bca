// The graph page's side of the bridge. It talks to Python only through the one
// QObject registered as "bridge" (a JSON string slot, `send`), and Python calls
// only the functions on `window.kg`, after the page has said "ready".
// Data from the file is text: labels go to the canvas, tooltips are DOM nodes
// filled with textContent. Nothing here ever assigns innerHTML.
(function () {
  "use strict";

  function readJSON(id) {
    return JSON.parse(document.getElementById(id).textContent);
  }

  function tipElement(text) {
    const div = document.createElement("div");
    div.className = "kg-tip";
    div.textContent = String(text);
    return div;
  }

  // What each item looks like undimmed (selection focus dims the others, then restores).
  const looks = new Map();
  const folded = new Map(); // unit id -> children a double-click unfolds

  // vis-network shows a string title as text, but an element we build is never parsed.
  function withTips(items, kind) {
    return items.map(function (item) {
      const copy = Object.assign({}, item);
      if (typeof copy.tip === "string" && copy.tip) {
        copy.title = tipElement(copy.tip);
      }
      delete copy.tip;
      if (kind === "node") {
        if (copy.folded) {
          folded.set(String(copy.id), copy.folded);
        }
        delete copy.folded;
      }
      looks.set(kind + ":" + copy.id, { font: copy.font || null, color: copy.color || null });
      return copy;
    });
  }

  // The app hands its first view over before this runs (window.kgInitial); an exported
  // page carries its data inline.
  const initial = window.kgInitial || null;
  const data = initial || readJSON("kg-data");
  const options = readJSON("kg-options");
  const own = options.kg || { edgeLabels: true, edgeFont: 12, labelZoom: 0.8, readableZoom: 0.75 };
  delete options.kg;
  const nodes = new vis.DataSet(withTips(data.nodes, "node"));
  const edges = new vis.DataSet(withTips(data.edges, "edge"));
  const container = document.getElementById("network");
  const network = new vis.Network(container, { nodes: nodes, edges: edges }, options);

  let bridge = null;
  const outbox = [];
  let wantDrawn = true;
  let justFit = false; // a new view was just fitted: centring keeps that zoom
  let selectedId = null;
  let unfoldedBy = null; // the unit the first click of a possible double-click unfolded
  let hoveredId = null;
  let hoveredEdge = null;
  let labelsWanted = !!own.edgeLabels;
  const labelSize = new Map(); // edge id -> font size drawn now

  // --- edge labels: all of them when zoomed in; else those around the focus ------------
  // Zoomed out, a hub's dozens of labels would pile up round it: the selection's labels
  // show there only for a node with few links (hovering shows any node's).
  const FOCUS_LABELS_UP_TO = 12;
  function focusEdges() {
    const ids = new Set();
    [selectedId, hoveredId].forEach(function (nid) {
      if (nid === selectedId && nid !== hoveredId && nid !== null && nodes.get(nid)) {
        if (network.getConnectedEdges(nid).length > FOCUS_LABELS_UP_TO) {
          return;
        }
      }
      if (nid !== null && nodes.get(nid)) {
        network.getConnectedEdges(nid).forEach(function (e) {
          ids.add(String(e));
        });
      }
    });
    if (hoveredEdge !== null) {
      ids.add(String(hoveredEdge));
    }
    return ids;
  }

  function refreshEdgeLabels() {
    const scale = network.getScale();
    const zoomed = scale >= own.labelZoom;
    const near = focusEdges();
    // Around the focus a label keeps its on-screen size however far out the view is zoomed.
    const nearSize = Math.min(own.edgeFont / Math.max(scale, 0.05), own.edgeFont * 6);
    const changes = [];
    edges.getIds().forEach(function (id) {
      const key = String(id);
      let size = 0;
      if (labelsWanted && zoomed) {
        size = near.has(key) ? Math.max(own.edgeFont, nearSize) : own.edgeFont;
      } else if (labelsWanted && near.has(key)) {
        size = nearSize;
      }
      size = Math.round(size * 10) / 10;
      if (labelSize.get(key) !== size) {
        labelSize.set(key, size);
        const look = looks.get("edge:" + key) || {};
        const font = Object.assign({}, look.font || {}, { size: size });
        changes.push({ id: id, font: font });
      }
    });
    if (changes.length) {
      edges.update(changes);
    }
  }

  // --- selection focus: the selected node and its neighbours stay, the rest fades -------
  const DIM = 0.15;
  const DIM_TEXT = "rgba(34,34,34,0.25)";
  function applyFocus() {
    const keep = new Set();
    const keepEdges = new Set();
    if (selectedId !== null && nodes.get(selectedId)) {
      keep.add(String(selectedId));
      network.getConnectedNodes(selectedId).forEach(function (n) {
        keep.add(String(n));
      });
      network.getConnectedEdges(selectedId).forEach(function (e) {
        keepEdges.add(String(e));
      });
    }
    const active = keep.size > 0;
    nodes.update(
      nodes.getIds().map(function (id) {
        const look = looks.get("node:" + id) || {};
        const dim = active && !keep.has(String(id));
        const font = Object.assign({}, look.font || {});
        if (dim) {
          font.color = DIM_TEXT;
        }
        // The colour goes with every update: without it vis-network falls back to its
        // own palette for the node's group.
        return { id: id, opacity: dim ? DIM : 1, font: font, color: look.color };
      })
    );
    edges.update(
      edges.getIds().map(function (id) {
        const look = looks.get("edge:" + id) || {};
        const dim = active && !keepEdges.has(String(id));
        const color = Object.assign({}, look.color || {}, { opacity: dim ? DIM : 1 });
        return { id: id, color: color };
      })
    );
  }
  // A batch of data changes is drawn once, at its end: vis-network otherwise redraws the
  // whole canvas after each DataSet change (four times for one new view of 500 entities,
  // 20-50 ms each).
  function drawnOnce(change) {
    network.body.emitter.emit("_blockRedraw");
    try {
      change();
    } finally {
      network.body.emitter.emit("_allowRedraw");
    }
    network.redraw();
  }
  let marked = []; // ids of the search hits shown with a halo
  let lastCamera = ""; // the camera last told to Python (history restores it)

  function send(message) {
    const raw = JSON.stringify(message);
    if (bridge) {
      bridge.send(raw);
    } else {
      outbox.push(raw);
    }
  }

  network.on("afterDrawing", function () {
    if (wantDrawn) {
      wantDrawn = false;
      send({ type: "drawn" });
    }
  });

  function firstNode(params) {
    return params && params.nodes && params.nodes.length ? String(params.nodes[0]) : null;
  }

  // A tooltip left open over a node that a new view removed would linger: close it.
  function hideTip() {
    const handler = network.interactionHandler;
    if (handler && handler.popup) {
      handler.popup.hide();
    }
  }

  const kg = {
    network: network,
    nodes: nodes,
    edges: edges,
    clicks: 0,

    // The page's own handlers (tests run them to deliver a click through the bridge).
    // A click on a folded unit ("▸ +N") also unfolds it; the double-click that click may
    // be the start of is then not a second toggle (it would fold the unit straight back).
    onClick: function (params) {
      const id = firstNode(params);
      kg.clicks += 1;
      if (id !== null && nodes.get(id)) {
        send({ type: "click", id: id });
        const tap = params.event && params.event.tapCount ? params.event.tapCount : 1;
        if (tap === 1) {
          unfoldedBy = folded.has(id) ? id : null;
          if (unfoldedBy !== null) {
            send({ type: "expand", id: id });
          }
        }
      }
    },
    onDoubleClick: function (params) {
      const id = firstNode(params);
      if (id !== null && nodes.get(id)) {
        if (params.event && id === unfoldedBy) {
          unfoldedBy = null; // this gesture's first click already unfolded it
          return;
        }
        send({ type: "expand", id: id });
      }
    },

    // --- called from Python --------------------------------------------------
    setData: function (payload, fit) {
      hideTip();
      wantDrawn = true;
      drawnOnce(function () {
        nodes.clear();
        edges.clear();
        looks.clear();
        folded.clear();
        labelSize.clear();
        hoveredId = null;
        hoveredEdge = null;
        nodes.add(withTips(payload.nodes, "node"));
        edges.add(withTips(payload.edges, "edge"));
        if (!fit) {
          refreshEdgeLabels();
        }
      });
      if (fit) {
        // after that draw: the fit bounds each label as it was drawn (shown or not)
        drawnOnce(function () {
          network.fit({ animation: false });
          justFit = true;
          refreshEdgeLabels();
        });
      }
    },
    addData: function (payload) {
      wantDrawn = true;
      drawnOnce(function () {
        nodes.update(withTips(payload.nodes, "node"));
        edges.update(withTips(payload.edges, "edge"));
        payload.edges.forEach(function (e) {
          labelSize.delete(String(e.id));
        });
        refreshEdgeLabels();
        applyFocus();
      });
    },
    select: function (id, centre) {
      if (id === null || !nodes.get(id)) {
        selectedId = null;
        drawnOnce(function () {
          network.unselectAll();
          applyFocus();
          refreshEdgeLabels();
        });
        return false;
      }
      selectedId = id;
      wantDrawn = true;
      drawnOnce(function () {
        network.selectNodes([id], true);
        if (centre) {
          const scale = justFit ? network.getScale() : Math.max(network.getScale(), 0.75);
          network.focus(id, { scale: scale, animation: false });
        }
        justFit = false;
        applyFocus();
        refreshEdgeLabels();
      });
      return true;
    },
    // How a node and an edge are drawn now (tests read the selection focus back).
    looksOf: function (id) {
      const n = nodes.get(id);
      if (!n) {
        return JSON.stringify(null);
      }
      const edgeFonts = {};
      network.getConnectedEdges(id).forEach(function (e) {
        const item = edges.get(e);
        edgeFonts[e] = {
          size: item.font ? item.font.size : null,
          opacity: item.color && item.color.opacity !== undefined ? item.color.opacity : 1,
        };
      });
      return JSON.stringify({
        opacity: n.opacity === undefined ? 1 : n.opacity,
        fontColor: n.font && n.font.color ? n.font.color : null,
        label: n.label,
        folded: folded.get(String(id)) || 0,
        edges: edgeFonts,
      });
    },
    // Every node's box on screen (canvas coordinates), to check that none overlap.
    boxes: function () {
      const out = {};
      nodes.getIds().forEach(function (id) {
        const b = network.getBoundingBox(id);
        if (b) {
          out[id] = [b.left, b.top, b.right, b.bottom];
        }
      });
      return JSON.stringify(out);
    },
    scale: function () {
      return network.getScale();
    },
    // Zoom about the centre of the view (edge labels follow, as on a wheel zoom).
    zoomTo: function (scale) {
      network.moveTo({ scale: scale, animation: false });
      refreshEdgeLabels();
      wantDrawn = true;
      network.redraw();
      return network.getScale();
    },
    selected: function () {
      return JSON.stringify(network.getSelectedNodes());
    },
    setEdgeLabels: function (shown) {
      labelsWanted = !!shown;
      refreshEdgeLabels();
    },
    fit: function () {
      network.fit({ animation: false });
    },
    // Fit, but never below a legible zoom: a chart too big for that shows its top, with
    // `anchor` (its root) at the top centre, and the rest is a pan away.
    fitReadable: function (anchor) {
      network.fit({ animation: false });
      const at = anchor === null ? null : network.getPositions([anchor])[anchor];
      if (at && network.getScale() < own.readableZoom) {
        const scale = own.readableZoom;
        const half = container.clientHeight / 2 / scale;
        network.moveTo({ position: { x: at.x, y: at.y + half - 60 / scale }, scale: scale });
      }
      justFit = true;
      refreshEdgeLabels();
      wantDrawn = true;
      network.redraw();
      return network.getScale();
    },
    positions: function () {
      return JSON.stringify(network.getPositions());
    },
    nodeCount: function () {
      return nodes.length;
    },
    // Search hits: a halo behind each (ids not in the view are skipped); [] clears it.
    // Drawn on the canvas, so the nodes' own styles are left alone.
    mark: function (ids) {
      marked = ids.filter(function (id) {
        return nodes.get(id);
      });
      network.redraw();
      return marked.length;
    },
    marked: function () {
      return JSON.stringify(marked);
    },
    // Keyboard zoom (+/-) and history's camera, without animation.
    // Move the camera by (dx, dy) graph units at the same zoom (a unfolded unit stays put).
    panBy: function (dx, dy) {
      const p = network.getViewPosition();
      network.moveTo({ position: { x: p.x + dx, y: p.y + dy }, animation: false });
      justFit = false;
      refreshEdgeLabels();
    },
    zoomBy: function (factor) {
      network.moveTo({ scale: network.getScale() * factor, animation: false });
      refreshEdgeLabels(); // moveTo sends no "zoom" event
    },
    moveTo: function (scale, x, y) {
      network.moveTo({ position: { x: x, y: y }, scale: scale, animation: false });
      justFit = false;
      refreshEdgeLabels();
    },
    camera: function () {
      const p = network.getViewPosition();
      return JSON.stringify({ scale: network.getScale(), x: p.x, y: p.y });
    },
    // Where a node is on the widget (for the keyboard's context menu).
    nodeOnScreen: function (id) {
      const at = nodes.get(id) ? network.getPositions([id])[id] : null;
      return JSON.stringify(at ? network.canvasToDOM(at) : null);
    },
    // Right click: the node under the pointer (or null), where on the widget.
    onContext: function (params) {
      if (params.event && params.event.preventDefault) {
        params.event.preventDefault();
      }
      const dom = params.pointer.DOM;
      const hit = network.getNodeAt(dom);
      const id = hit === undefined || !nodes.get(hit) ? null : String(hit);
      send({ type: "context", id: id, x: dom.x, y: dom.y });
    },
    // A PNG of the canvas at `scale` times the screen resolution.
    grab: function (scale, transparent) {
      const real = Object.getOwnPropertyDescriptor(window, "devicePixelRatio");
      const base = window.devicePixelRatio || 1;
      Object.defineProperty(window, "devicePixelRatio", {
        configurable: true,
        get: function () {
          return base * scale;
        },
      });
      let url;
      try {
        network.redraw();
        const canvas = container.getElementsByTagName("canvas")[0];
        if (transparent) {
          url = canvas.toDataURL("image/png");
        } else {
          const flat = document.createElement("canvas");
          flat.width = canvas.width;
          flat.height = canvas.height;
          const ctx = flat.getContext("2d");
          ctx.fillStyle = "#ffffff";
          ctx.fillRect(0, 0, flat.width, flat.height);
          ctx.drawImage(canvas, 0, 0);
          url = flat.toDataURL("image/png");
        }
      } finally {
        if (real) {
          Object.defineProperty(window, "devicePixelRatio", real);
        } else {
          delete window.devicePixelRatio;
        }
        network.redraw();
      }
      return url;
    },
  };

  network.on("click", function (params) {
    kg.onClick(params);
  });
  network.on("doubleClick", function (params) {
    kg.onDoubleClick(params);
  });
  let lastZoomed = null;
  network.on("zoom", function () {
    const zoomed = network.getScale() >= own.labelZoom;
    // Crossing the threshold changes every label; below it, focus labels keep their size.
    if (zoomed !== lastZoomed || selectedId !== null || hoveredId !== null) {
      lastZoomed = zoomed;
      refreshEdgeLabels();
    }
  });
  network.on("hoverNode", function (params) {
    hoveredId = params.node;
    refreshEdgeLabels();
  });
  network.on("blurNode", function () {
    hoveredId = null;
    refreshEdgeLabels();
  });
  network.on("hoverEdge", function (params) {
    hoveredEdge = params.edge;
    refreshEdgeLabels();
  });
  network.on("blurEdge", function () {
    hoveredEdge = null;
    refreshEdgeLabels();
  });
  refreshEdgeLabels();
  network.on("beforeDrawing", function (ctx) {
    const shown = marked.filter(function (id) {
      return nodes.get(id);
    });
    if (!shown.length) {
      return;
    }
    const pad = 6 / Math.max(network.getScale(), 0.2);
    ctx.save();
    ctx.fillStyle = "rgba(255, 160, 0, 0.30)";
    ctx.strokeStyle = "rgba(230, 120, 0, 0.95)";
    ctx.lineWidth = 2.5 / Math.max(network.getScale(), 0.2);
    shown.forEach(function (id) {
      const box = network.getBoundingBox(id);
      if (!box) {
        return;
      }
      ctx.beginPath();
      ctx.rect(box.left - pad, box.top - pad, box.right - box.left + 2 * pad, box.bottom - box.top + 2 * pad);
      ctx.fill();
      ctx.stroke();
    });
    ctx.restore();
  });
  network.on("oncontext", function (params) {
    kg.onContext(params);
  });
  network.on("afterDrawing", function () {
    const p = network.getViewPosition();
    const scale = network.getScale();
    const key = scale.toFixed(5) + "," + p.x.toFixed(1) + "," + p.y.toFixed(1);
    if (key !== lastCamera && isFinite(scale) && isFinite(p.x) && isFinite(p.y)) {
      lastCamera = key;
      send({ type: "camera", scale: scale, x: p.x, y: p.y });
    }
  });
  window.kg = kg;

  function connect() {
    if (typeof QWebChannel === "undefined" || typeof qt === "undefined" || !qt.webChannelTransport) {
      // Opened outside the app (e.g. exported HTML): the graph works, nobody listens.
      return;
    }
    new QWebChannel(qt.webChannelTransport, function (channel) {
      bridge = channel.objects.bridge;
      bridge.send(JSON.stringify({ type: "ready" }));
      while (outbox.length) {
        bridge.send(outbox.shift());
      }
    });
  }
  connect();
})();
