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

  // vis-network shows a string title as text, but an element we build is never parsed.
  function withTips(items) {
    return items.map(function (item) {
      const copy = Object.assign({}, item);
      if (typeof copy.tip === "string" && copy.tip) {
        copy.title = tipElement(copy.tip);
      }
      delete copy.tip;
      return copy;
    });
  }

  // The app hands its first view over before this runs (window.kgInitial); an exported
  // page carries its data inline.
  const initial = window.kgInitial || null;
  const data = initial || readJSON("kg-data");
  const options = readJSON("kg-options");
  const nodes = new vis.DataSet(withTips(data.nodes));
  const edges = new vis.DataSet(withTips(data.edges));
  const container = document.getElementById("network");
  const network = new vis.Network(container, { nodes: nodes, edges: edges }, options);

  let bridge = null;
  const outbox = [];
  let wantDrawn = true;
  let justFit = false; // a new view was just fitted: centring keeps that zoom
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
    onClick: function (params) {
      const id = firstNode(params);
      kg.clicks += 1;
      if (id !== null && nodes.get(id)) {
        send({ type: "click", id: id });
      }
    },
    onDoubleClick: function (params) {
      const id = firstNode(params);
      if (id !== null && nodes.get(id)) {
        send({ type: "expand", id: id });
      }
    },

    // --- called from Python --------------------------------------------------
    setData: function (payload, fit) {
      hideTip();
      wantDrawn = true;
      nodes.clear();
      edges.clear();
      nodes.add(withTips(payload.nodes));
      edges.add(withTips(payload.edges));
      if (fit) {
        network.fit({ animation: false });
        justFit = true;
      }
      network.redraw();
    },
    addData: function (payload) {
      wantDrawn = true;
      nodes.update(withTips(payload.nodes));
      edges.update(withTips(payload.edges));
      network.redraw();
    },
    select: function (id, centre) {
      if (id === null || !nodes.get(id)) {
        network.unselectAll();
        return false;
      }
      network.selectNodes([id], true);
      if (centre) {
        const scale = justFit ? network.getScale() : Math.max(network.getScale(), 0.75);
        network.focus(id, { scale: scale, animation: false });
      }
      justFit = false;
      wantDrawn = true;
      network.redraw();
      return true;
    },
    selected: function () {
      return JSON.stringify(network.getSelectedNodes());
    },
    setEdgeLabels: function (shown) {
      network.setOptions({ edges: { font: { size: shown ? 11 : 0 } } });
    },
    fit: function () {
      network.fit({ animation: false });
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
    zoomBy: function (factor) {
      network.moveTo({ scale: network.getScale() * factor, animation: false });
    },
    moveTo: function (scale, x, y) {
      network.moveTo({ position: { x: x, y: y }, scale: scale, animation: false });
      justFit = false;
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
